package io.vncstream.terminal.bench;

import io.vncstream.terminal.TerminalOptions;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.emulation.TerminalEngine;
import io.vncstream.terminal.emulation.Utf8ChunkDecoder;

import java.lang.ref.Reference;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A plain benchmark of the terminal's emulation (no JMH: the work is one long run on the emulator
 * thread, not a small method). Speeds are reported in MB/s (10^6 bytes of input a second) and,
 * because a shared machine's absolute numbers wander, as ratios to two references measured in
 * the same process, in the same rounds: only UTF-8 decoding of the same bytes, and the emulator on plain ASCII.
 * Then the heap taken by 10,000 lines of scrollback, measured as the used heap after GC with and
 * without them. Run from the reactor root:
 * {@code mvn -o -q -B -pl terminal-panel -am test -DskipTests -Pbench}
 */
public final class EmulatorBench {
    private static final int CHUNK = 16 * 1024;
    private static final int RUNS = 5;
    private static final int SIZE = 24 * 1024 * 1024;
    private static final int COLUMNS = 80;
    private static final int ROWS = 24;
    private static final int SCROLLBACK = 10_000;

    private EmulatorBench() {
    }

    interface Feeder {
        /** @return nanoseconds from the first byte handed over until everything was processed */
        long feed(byte[] data) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("java %s, %d cores, max heap %d MiB; %d x %d terminal, %,d lines of scrollback%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, COLUMNS, ROWS, SCROLLBACK);
        byte[] plain = BenchText.plainAscii(SIZE);
        byte[] boot = BenchText.bootLog(SIZE);
        byte[] heavy = BenchText.escapeHeavy(SIZE);

        Run decode = new Run("reference: UTF-8 decoding only, boot log", boot, EmulatorBench::decodeOnly);
        Run ascii = new Run("reference: emulator, plain ASCII lines", plain, EmulatorBench::throughEngine);
        Run typicalRun = new Run("emulator, typical console output (boot log)", boot, EmulatorBench::throughEngine);
        Run worstRun = new Run("emulator, worst case (escape-heavy repaint)", heavy, EmulatorBench::throughEngine);
        Run sessionRun = new Run("session (emulator + log file), boot log", boot, EmulatorBench::throughSession);
        measure(List.of(decode, ascii, typicalRun, worstRun, sessionRun));
        double typical = typicalRun.median();
        double worst = worstRun.median();
        double session = sessionRun.median();
        System.out.println();
        System.out.printf("typical console output: %7.1f MB/s = %.3f x UTF-8 decoding, %.2f x plain ASCII%n",
                typical, typical / decode.median(), typical / ascii.median());
        System.out.printf("escape-heavy worst case: %6.1f MB/s = %.3f x UTF-8 decoding, %.2f x plain ASCII%n",
                worst, worst / decode.median(), worst / ascii.median());
        System.out.printf("session with log file:  %7.1f MB/s = %.2f x the emulator alone on the same text%n",
                session, session / typical);
        System.out.println();
        scrollbackHeap(false);
        scrollbackHeap(true);
    }

    /** One thing measured: its input, how it is fed, and the MB/s of each round. */
    private static final class Run {
        final String name;
        final byte[] data;
        final Feeder feeder;
        final double[] rates = new double[RUNS];

        Run(String name, byte[] data, Feeder feeder) {
            this.name = name;
            this.data = data;
            this.feeder = feeder;
        }

        double median() {
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            return sorted[RUNS / 2];
        }
    }

    /**
     * A warm-up round, then {@link #RUNS} rounds each running every measurement once in turn, so
     * that a change in the machine's load during the benchmark touches all of them alike and the
     * ratios between them stay fair. Prints each one's median.
     */
    private static void measure(List<Run> runs) throws Exception {
        for (Run run : runs) {
            run.feeder.feed(run.data);
        }
        for (int round = 0; round < RUNS; round++) {
            for (Run run : runs) {
                run.rates[round] = run.data.length / (run.feeder.feed(run.data) / 1e9) / 1e6;
            }
        }
        for (Run run : runs) {
            double[] sorted = run.rates.clone();
            Arrays.sort(sorted);
            System.out.printf("%-48s %5.1f MB in: median %8.1f MB/s (min %8.1f, max %8.1f)%n",
                    run.name, run.data.length / 1e6, run.median(), sorted[0], sorted[RUNS - 1]);
        }
    }

    private static long decodeOnly(byte[] data) {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        long start = System.nanoTime();
        long chars = 0;
        for (int off = 0; off < data.length; off += CHUNK) {
            CharBuffer decoded = decoder.decode(data, off, Math.min(CHUNK, data.length - off));
            chars += decoded.remaining();
        }
        long nanos = System.nanoTime() - start;
        if (chars == 0) {
            throw new IllegalStateException("nothing decoded");
        }
        return nanos;
    }

    private static long throughEngine(byte[] data) throws Exception {
        try (TerminalEngine engine = new TerminalEngine("bench", COLUMNS, ROWS, SCROLLBACK, new TerminalEngine.Hooks() { })) {
            long start = System.nanoTime();
            for (int off = 0; off < data.length; off += CHUNK) {
                engine.accept(data, off, Math.min(CHUNK, data.length - off));
            }
            if (!engine.awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("emulator did not catch up");
            }
            return System.nanoTime() - start;
        }
    }

    private static long throughSession(byte[] data) throws Exception {
        Path dir = Files.createTempDirectory("bench-logs");
        TerminalOptions options = TerminalOptions.defaults().columns(COLUMNS).rows(ROWS)
                .scrollbackLines(SCROLLBACK).logDirectory(dir);
        try (TerminalSession session = new TerminalSession("bench", options, Clock.systemUTC(), Runnable::run)) {
            long start = System.nanoTime();
            for (int off = 0; off < data.length; off += CHUNK) {
                session.accept(data, off, Math.min(CHUNK, data.length - off));
            }
            if (!session.engine().awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("emulator did not catch up");
            }
            long nanos = System.nanoTime() - start;
            if (Files.size(session.log()) != data.length) {
                throw new IllegalStateException("the log lost bytes");
            }
            Files.delete(session.log());
            return nanos;
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** Used heap after GC with an empty terminal, then with its scrollback full of 80-column lines. */
    private static void scrollbackHeap(boolean coloured) throws Exception {
        byte[] lines = BenchText.fullLines(SCROLLBACK + ROWS, COLUMNS, coloured);
        TerminalEngine engine = new TerminalEngine("heap", COLUMNS, ROWS, SCROLLBACK, new TerminalEngine.Hooks() { });
        long before = usedHeapAfterGc();
        engine.accept(lines, 0, lines.length);
        if (!engine.awaitIdle(Duration.ofMinutes(2))) {
            throw new IllegalStateException("emulator did not catch up");
        }
        long after = usedHeapAfterGc();
        int history = engine.textBuffer().getHistoryLinesCount();
        long bytes = after - before;
        System.out.printf("scrollback of %,d lines x %d columns, %s: %.1f MiB (%,.0f bytes a line)%n",
                history, COLUMNS, coloured ? "a colour change every 8 characters" : "plain text",
                bytes / (1024.0 * 1024), (double) bytes / history);
        Reference.reachabilityFence(lines);
        engine.close();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several rounds: the first may leave garbage that finalization or references release.
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
