package dev.rewind.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.LearnScenario;
import dev.rewind.service.LearnScenarioLoader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The concept checks without a window: the first answer counts, feedback explains, the score adds up. */
class LearnQuizTest {
    private final LearnScenario scenario = LearnScenarioLoader.shipped(Locale.ROOT);

    @Test
    void theFirstAnswerCountsAndFeedbackExplainsTheRightOne() {
        QuizModel quiz = new QuizModel();
        quiz.load(scenario);
        LearnScenario.Question q = scenario.quiz().get(0);
        int wrong = (q.answer() + 1) % q.options().size();
        assertThat(quiz.feedbackProperty().get()).isEmpty();
        quiz.answer(wrong);
        assertThat(quiz.correctProperty().get()).isFalse();
        assertThat(quiz.feedbackProperty().get())
                .isEqualTo("Not quite — the answer is: " + q.options().get(q.answer()) + " " + q.explanation());
        quiz.answer(q.answer());
        assertThat(quiz.choiceProperty().get()).as("a second try does not replace the first").isEqualTo(wrong);
        assertThat(quiz.scoreProperty().get()).isZero();
        assertThat(quiz.answered(0)).isTrue();
        assertThat(quiz.answered(1)).isFalse();
    }

    @Test
    void whoeverHearsOfTheChoiceAlreadySeesWhetherItWasRight() {
        QuizModel quiz = new QuizModel();
        quiz.load(scenario);
        List<Boolean> seen = new java.util.ArrayList<>();
        quiz.choiceProperty().addListener((o, was, now) -> {
            if (now != null) {
                seen.add(quiz.correctProperty().get());
            }
        });
        quiz.answer(scenario.quiz().get(0).answer());
        quiz.show(1);
        quiz.answer((scenario.quiz().get(1).answer() + 1) % scenario.quiz().get(1).options().size());
        assertThat(seen).as("correct is set before the choice is announced").containsExactly(true, false);
    }

    @Test
    void theScoreCountsRightAnswersAndGoingBackShowsTheAnswerGiven() {
        QuizModel quiz = new QuizModel();
        quiz.load(scenario);
        List<LearnScenario.Question> qs = scenario.quiz();
        for (int i = 0; i < qs.size(); i++) {
            quiz.show(i);
            quiz.answer(i == 2 ? (qs.get(i).answer() + 1) % qs.get(i).options().size() : qs.get(i).answer());
        }
        assertThat(quiz.scoreProperty().get()).isEqualTo(qs.size() - 1);
        quiz.show(1);
        assertThat(quiz.choiceProperty().get()).isEqualTo(qs.get(1).answer());
        assertThat(quiz.feedbackProperty().get()).startsWith("Right. ");
        quiz.reset();
        assertThat(quiz.scoreProperty().get()).isZero();
        assertThat(quiz.answered(1)).isFalse();
    }

    @Test
    void everyStepOfTheScenarioBecomesAPageThenTheQuestionsThenTheScore() {
        List<Page> pages = Page.of(scenario);
        assertThat(pages).hasSize(7 + 2 + 6 + 1);
        assertThat(pages.get(6).run()).isEqualTo(Page.Run.MAIN);
        assertThat(pages.get(7).run()).isEqualTo(Page.Run.CONTRAST);
        assertThat(pages.get(9).kind()).isEqualTo(Page.Kind.QUESTION);
        assertThat(pages.get(pages.size() - 1).kind()).isEqualTo(Page.Kind.SCORE);
    }
}
