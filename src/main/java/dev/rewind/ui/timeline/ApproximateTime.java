package dev.rewind.ui.timeline;

import java.util.regex.Pattern;

/**
 * Why a lane segment starts at an approximate time: an imported move is drawn at the best time its source keeps
 * (issue 18), and the person must be able to tell it from a move Rewind recorded itself. The source is read from
 * the version's label, the only trace of it the timeline's light rows carry: an MLflow import labels a version with
 * MLflow's number, a GTO import with its {@code vX.Y.Z} tag; any other label gets wording that names neither.
 */
record ApproximateTime(String source, String basis) {
    /** Drawn at the start of an approximate segment's text, as {@code history} prints it. */
    static final String MARK = "≈";

    private static final Pattern MLFLOW = Pattern.compile("[0-9]+");
    private static final Pattern GTO = Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+([-+].*)?");

    static ApproximateTime of(String versionLabel) {
        if (MLFLOW.matcher(versionLabel).matches()) {
            return new ApproximateTime("MLflow", "from the version's last update");
        }
        if (GTO.matcher(versionLabel).matches()) {
            return new ApproximateTime("GTO", "from the tag time");
        }
        return new ApproximateTime(null, "the source's best account of when it moved");
    }

    /** What a tooltip and a screen reader say of the segment's start. */
    String note() {
        return "time approximate: imported" + (source == null ? ", " : " from " + source + ", ") + basis;
    }
}
