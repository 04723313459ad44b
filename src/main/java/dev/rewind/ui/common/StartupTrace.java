package dev.rewind.ui.common;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Drewind.trace=true}, prints how long after JVM start each step of opening the window came, and the
 * CPU time its thread had used by then (steadier than the clock on a busy machine).
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("rewind.trace");

    private StartupTrace() {
    }

    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public static void mark(String step) {
        if (ON) {
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.println("trace " + sinceJvmStart() + " ms " + step + " (" + Thread.currentThread().getName()
                    + " cpu " + cpu + " ms)");
        }
    }
}
