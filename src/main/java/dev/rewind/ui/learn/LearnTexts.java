package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import dev.rewind.ui.learn.Page.Kind;
import dev.rewind.ui.learn.Page.Run;
import java.text.MessageFormat;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the Learn panel says on the page shown, all of it from the scenario file. */
public final class LearnTexts {
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    void show(LearnScenario s, Page p, int score) {
        hint.set("");
        explanation.set("");
        switch (p.kind()) {
            case STEP -> {
                boolean main = p.run() == Run.MAIN;
                heading.set(main ? s.title() : s.contrast().title());
                progress.set(main ? label(s, "step", "Step {0} of {1}", p.number(), p.of())
                        : label(s, "contrastStep", "Second run · step {0} of {1}", p.number(), p.of()));
                title.set(p.step().title());
                instruction.set(p.step().instruction());
                hint.set(p.step().hint());
                explanation.set(p.step().explanation());
            }
            case QUESTION -> {
                heading.set(label(s, "quizTitle", "Concept check"));
                progress.set(label(s, "question", "Question {0} of {1}", p.number(), p.of()));
                title.set(s.quiz().get(p.question()).question());
                instruction.set("");
            }
            case SCORE -> {
                heading.set(label(s, "quizTitle", "Concept check"));
                progress.set("");
                title.set(label(s, "scoreTitle", "Your score"));
                instruction.set(label(s, "score", "You answered {0} of {1} questions correctly.", score,
                        s.quiz().size()) + "\n\n" + label(s, "closing", "That is the whole tour."));
            }
            default -> throw new IllegalStateException();
        }
    }

    void status(LearnScenario s, Page p, boolean passed) {
        if (p == null || p.kind() != Kind.STEP) {
            status.set("");
        } else {
            status.set(passed ? "✓ " + label(s, "done", "Done") : "○ " + label(s, "waiting", "Waiting for you…"));
        }
    }

    String label(LearnScenario s, String key, String fallback, Object... args) {
        if (s != null) {
            return s.label(key, fallback, args);
        }
        return args.length == 0 ? fallback : new MessageFormat(fallback).format(args);
    }

    /** The part of the tour: the story, the second run, or the concept checks. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What the step taught; the panel shows it once the step's check passed. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** "Waiting for you…" or "Done" for a step; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
