package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** One concept check: its options as radio buttons; the first choice counts and is explained at once. */
final class QuizView extends VBox {
    private final QuizModel quiz;
    private final VBox options = new VBox(6);
    private final Label feedback = new Label();

    QuizView(QuizModel quiz) {
        this.quiz = quiz;
        setId("learn-quiz");
        setSpacing(10);
        options.setId("quiz-options");
        feedback.setId("quiz-feedback");
        feedback.setWrapText(true);
        feedback.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        feedback.textProperty().bind(quiz.feedbackProperty());
        feedback.visibleProperty().bind(quiz.feedbackProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        getChildren().addAll(options, feedback);
        quiz.questionProperty().addListener((o, a, q) -> build(q));
        quiz.choiceProperty().addListener((o, a, c) -> mark());
        quiz.correctProperty().addListener((o, a, c) -> mark());
        build(quiz.questionProperty().get());
    }

    private void build(LearnScenario.Question q) {
        options.getChildren().clear();
        if (q == null) {
            return;
        }
        ToggleGroup group = new ToggleGroup();
        List<String> texts = q.options();
        for (int i = 0; i < texts.size(); i++) {
            RadioButton r = new RadioButton(texts.get(i));
            r.setId("quiz-option-" + i);
            r.setWrapText(true);
            r.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            r.setToggleGroup(group);
            int option = i;
            r.setOnAction(e -> quiz.answer(option));
            options.getChildren().add(r);
        }
        mark();
    }

    /** Once answered: the choice stays selected, the right option is marked, nothing can be changed. */
    private void mark() {
        LearnScenario.Question q = quiz.questionProperty().get();
        Integer chosen = quiz.choiceProperty().get();
        for (int i = 0; i < options.getChildren().size(); i++) {
            RadioButton r = (RadioButton) options.getChildren().get(i);
            r.getStyleClass().removeAll("rw-quiz-right", "rw-quiz-wrong");
            r.setSelected(chosen != null && i == chosen);
            r.setMouseTransparent(chosen != null); // not disabled: a greyed-out answer would be hard to read
            r.setFocusTraversable(chosen == null);
            if (chosen != null) {
                if (i == q.answer()) {
                    r.getStyleClass().add("rw-quiz-right");
                } else if (i == chosen) {
                    r.getStyleClass().add("rw-quiz-wrong");
                }
            }
        }
        feedback.getStyleClass().setAll("label", quiz.correctProperty().get() ? "rw-learn-explanation" : "rw-learn-wrong");
    }
}
