package io.vncstream.viewer.bench;

import java.lang.management.ManagementFactory;

/**
 * One line on stdout for the startup measurement script: the wall-clock time of a first paint
 * (the script subtracts the time it launched the JVM) and, for comparison, the time since the
 * JVM's own start.
 */
public final class StartupReport {
    /** {@code -Dvncstream.startupTrace=true}: {@link #mark} prints where the start-up time goes. */
    private static final boolean TRACE = Boolean.getBoolean("vncstream.startupTrace");

    private StartupReport() {
    }

    /** With {@code -Dvncstream.startupTrace=true}, one line on stdout: the wall-clock time {@code what} happened. */
    public static void mark(String what) {
        if (TRACE) {
            System.out.println("startup-mark-epoch-ms=" + System.currentTimeMillis() + " thread=" + Thread.currentThread().getName()
                    + " what=" + what);
            System.out.flush();
        }
    }

    public static void firstPaint(String what) {
        long now = System.currentTimeMillis();
        long sinceJvm = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first-paint-epoch-ms=" + now + " since-jvm-start-ms=" + sinceJvm + " what=" + what);
        System.out.flush();
    }

    /** The wall-clock time the device list first showed devices (a libvirt window). */
    public static void devicesListed(int count) {
        System.out.println("devices-listed-epoch-ms=" + System.currentTimeMillis() + " devices=" + count);
        System.out.flush();
    }
}
