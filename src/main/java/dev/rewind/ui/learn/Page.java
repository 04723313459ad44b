package dev.rewind.ui.learn;

import dev.rewind.service.LearnScenario;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the Learn panel: a step of the story (on the first sandbox), a step of the second run (on the
 * sandbox without versioning), a concept check, or the score. {@code number} of {@code of} counts within its part.
 */
public record Page(Kind kind, Run run, int number, int of, LearnScenario.Step step, int question) {
    public enum Kind { STEP, QUESTION, SCORE }

    /** Which sandbox a step is played on. */
    public enum Run { MAIN, CONTRAST }

    /** Every page of a scenario, in order. */
    static List<Page> of(LearnScenario s) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            pages.add(new Page(Kind.STEP, Run.MAIN, i + 1, s.steps().size(), s.steps().get(i), -1));
        }
        List<LearnScenario.Step> second = s.contrast().steps();
        for (int i = 0; i < second.size(); i++) {
            pages.add(new Page(Kind.STEP, Run.CONTRAST, i + 1, second.size(), second.get(i), -1));
        }
        for (int i = 0; i < s.quiz().size(); i++) {
            pages.add(new Page(Kind.QUESTION, null, i + 1, s.quiz().size(), null, i));
        }
        pages.add(new Page(Kind.SCORE, null, 1, 1, null, -1));
        return pages;
    }
}
