package dev.rewind.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers and a clock that move only when the test says so: {@link #advance(Duration)} runs what falls due. */
public final class ManualScheduler implements Scheduler {
    private final Instant start;
    private Duration now = Duration.ZERO;
    private final List<Timer> timers = new ArrayList<>();

    private static final class Timer {
        final Duration period;
        final Runnable action;
        Duration due;

        Timer(Duration period, Runnable action, Duration due) {
            this.period = period;
            this.action = action;
            this.due = due;
        }
    }

    public ManualScheduler(Instant start) {
        this.start = start;
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period " + period);
        }
        Timer t = new Timer(period, action, now.plus(period));
        timers.add(t);
        return () -> timers.remove(t);
    }

    /** Moves time on, running every timer that falls due, in order (a timer may start or cancel others). */
    public void advance(Duration by) {
        Duration end = now.plus(by);
        while (true) {
            Timer next = timers.stream().filter(t -> t.due.compareTo(end) <= 0)
                    .min(Comparator.comparing(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            now = next.due;
            next.due = next.due.plus(next.period);
            next.action.run();
        }
        now = end;
    }

    /** How many timers are running. */
    public int running() {
        return timers.size();
    }

    /** A clock that reads this scheduler's time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return start.plus(now);
            }
        };
    }
}
