package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The concept checks: one question at a time, the first answer counts, feedback at once, a running score. */
public final class QuizModel {
    private LearnScenario scenario;
    private List<LearnScenario.Question> questions = List.of();
    private Integer[] chosen = new Integer[0];
    private final ReadOnlyObjectWrapper<LearnScenario.Question> question = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> choice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper correct = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(0);
    private int index;

    void load(LearnScenario s) {
        scenario = s;
        questions = s.quiz();
        reset();
    }

    void reset() {
        chosen = new Integer[questions.size()];
        score.set(0);
        show(0);
    }

    void show(int i) {
        index = i;
        question.set(questions.isEmpty() ? null : questions.get(i));
        refresh();
    }

    /** Answers the question shown; a question already answered keeps its first answer. */
    public void answer(int option) {
        if (question.get() == null || chosen[index] != null || option < 0 || option >= question.get().options().size()) {
            return;
        }
        chosen[index] = option;
        int right = 0;
        for (int i = 0; i < chosen.length; i++) {
            right += Objects.equals(chosen[i], questions.get(i).answer()) ? 1 : 0;
        }
        score.set(right);
        refresh();
    }

    private void refresh() {
        LearnScenario.Question q = question.get();
        Integer c = q == null ? null : chosen[index];
        // correct and feedback first: the view restyles the feedback box when it hears of the choice
        correct.set(c != null && c == q.answer());
        if (c == null) {
            feedback.set("");
        } else if (c == q.answer()) {
            feedback.set(scenario.label("right", "Right.") + " " + q.explanation());
        } else {
            feedback.set(scenario.label("wrong", "Not quite — the answer is: {0}", q.options().get(q.answer()))
                    + " " + q.explanation());
        }
        choice.set(c);
    }

    boolean answered(int i) {
        return i >= 0 && i < chosen.length && chosen[i] != null;
    }

    public int size() {
        return questions.size();
    }

    public ReadOnlyObjectProperty<LearnScenario.Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The option chosen for the question shown, or null while unanswered. */
    public ReadOnlyObjectProperty<Integer> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty correctProperty() {
        return correct.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }
}
