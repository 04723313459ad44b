package dev.rewind.ui.common;

/** Stylesheets more than one scene needs. */
public final class Stylesheets {
    private Stylesheets() {
    }

    /**
     * Modena's looked-up colours in AtlantaFX's tokens, for every scene that shows a ControlsFX control (its own
     * stylesheets use them; unresolved, JavaFX logs a ClassCastException for each paint).
     */
    public static String modenaColours() {
        return Stylesheets.class.getResource("modena-colours.css").toExternalForm();
    }
}
