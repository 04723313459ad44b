package dev.rewind.ui.timeline;

import javafx.scene.paint.Color;

/** The timeline's colours for the light and the dark theme (GitHub Primer hues, as AtlantaFX uses). */
final class Palette {
    static final Palette LIGHT = new Palette("#ffffff", "#f6f8fa", "#eaeef2", "#24292f", "#57606a", "#f6f8fa",
            "#d0d7de", "#0969da", "#8250df", "#cf222e", "#ffcecb", "#1a7f37", "#6e7781", "#57606a", "#afb8c1",
            "#24292f");
    static final Palette DARK = new Palette("#0d1117", "#161b22", "#21262d", "#c9d1d9", "#8b949e", "#161b22",
            "#30363d", "#2f81f7", "#a371f7", "#f85149", "#5a1e1e", "#3fb950", "#6e7681", "#8b949e", "#484f58",
            "#f0f6fc");

    final Color background;
    final Color axisBackground;
    final Color grid;
    final Color text;
    final Color muted;
    final Color laneBackground;
    final Color segment;
    final Color live;
    final Color select;
    final Color failed;
    final Color failedSoft;
    final Color stable;
    final Color neutral;
    final Color marker;
    final Color group;
    final Color groupText;

    private Palette(String... c) {
        background = Color.web(c[0]);
        axisBackground = Color.web(c[1]);
        grid = Color.web(c[2]);
        text = Color.web(c[3]);
        muted = Color.web(c[4]);
        laneBackground = Color.web(c[5]);
        segment = Color.web(c[6]);
        live = Color.web(c[7]);
        select = Color.web(c[8]);
        failed = Color.web(c[9]);
        failedSoft = Color.web(c[10]);
        stable = Color.web(c[11]);
        neutral = Color.web(c[12]);
        marker = Color.web(c[13]);
        group = Color.web(c[14]);
        groupText = Color.web(c[15]);
    }
}
