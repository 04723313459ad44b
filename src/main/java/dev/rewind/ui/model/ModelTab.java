package dev.rewind.ui.model;

import java.util.Locale;

/** The tabs under the timeline, in the order shown; each tab's node id ("tab-compare") comes from its name. */
public enum ModelTab {
    DETAILS("Details"), VERSIONS("Versions"), HISTORY("History"), COMPARE("Compare"), LEARN("Learn");

    private final String title;

    ModelTab(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The id of the tab's node, which tests and CSS use. */
    public String id() {
        return "tab-" + name().toLowerCase(Locale.ROOT);
    }
}
