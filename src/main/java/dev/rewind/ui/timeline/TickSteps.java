package dev.rewind.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Tick spacing and labels for the time axis. */
final class TickSteps {
    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final long MONTH = 30 * DAY;
    static final long YEAR = 365 * DAY;
    private static final long[] STEPS = {MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY,
        2 * DAY, 7 * DAY, 14 * DAY, MONTH, 3 * MONTH, 6 * MONTH, YEAR, 2 * YEAR, 5 * YEAR};

    private TickSteps() {
    }

    /** The smallest step at least {@code minMs} long. */
    static long choose(double minMs) {
        for (long s : STEPS) {
            if (s >= minMs) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    static DateTimeFormatter format(long step) {
        if (step < DAY) {
            return DateTimeFormatter.ofPattern("MMM d HH:mm");
        }
        if (step < MONTH) {
            return DateTimeFormatter.ofPattern("MMM d");
        }
        return DateTimeFormatter.ofPattern("MMM yyyy");
    }

    /** The first tick at or before {@code ms}, aligned to calendar units for steps of a day or more. */
    static long first(long ms, long step, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(zone);
        if (step >= YEAR) {
            return t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).toInstant().toEpochMilli();
        }
        if (step >= MONTH) {
            return t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant().toEpochMilli();
        }
        if (step >= DAY) {
            return t.truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli();
        }
        return ms - Math.floorMod(ms, step);
    }

    static long next(long ms, long step, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(ms).atZone(zone);
        if (step >= YEAR) {
            return t.plusYears(step / YEAR).toInstant().toEpochMilli();
        }
        if (step >= MONTH) {
            return t.plusMonths(step / MONTH).toInstant().toEpochMilli();
        }
        if (step >= DAY) {
            return t.plusDays(step / DAY).toInstant().toEpochMilli();
        }
        return ms + step;
    }
}
