package io.vncstream.gateway.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time spent over a measurement, per megabyte moved: on a loaded machine (2 cores shared
 * with other work) wall-clock rates swing 2x from one round to the next, what a path costs in
 * CPU far less, and once the cores are busy that cost is what bounds the rate. The whole
 * process's time is portable; the split by thread (from Linux's /proc, by thread name, JIT and
 * GC threads included) says which stage of a pipeline it is.
 */
final class CpuMeter {
    private final long startCpu = processCpuNanos();
    private final Map<String, Long> startThreads;

    /** Starts measuring; {@code perThread}: also by thread (Linux only; else nothing is split). */
    CpuMeter(boolean perThread) {
        startThreads = perThread ? threadCpu() : null;
    }

    /** Milliseconds of the process's CPU time per megabyte of {@code bytes}, since the start. */
    double millisPerMegabyte(long bytes) {
        return (processCpuNanos() - startCpu) / 1e6 / (bytes / 1e6);
    }

    /** The threads that took at least 0.01 ms per megabyte since the start, with how much; empty unless per thread. */
    String byThread(long bytes) {
        if (startThreads == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        threadCpu().forEach((name, nanos) -> {
            double perMegabyte = (nanos - startThreads.getOrDefault(name, 0L)) / 1e6 / (bytes / 1e6);
            if (perMegabyte >= 0.01) {
                sb.append(String.format(" %s %.2f;", name, perMegabyte));
            }
        });
        return sb.toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU nanoseconds by thread name (numbers at the end dropped, so that "GC Thread#0" and "#1" add up). */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> byName = new TreeMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byName;
        }
        long nanosPerTick = 10_000_000L; // USER_HZ is 100 on Linux
        for (File task : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#:. /]+$", "");
                // After the name: state, then fields 4..; utime and stime are fields 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                byName.merge(name, ticks * nanosPerTick, Long::sum);
            } catch (IOException | RuntimeException e) {
                // The thread ended meanwhile.
            }
        }
        return byName;
    }
}
