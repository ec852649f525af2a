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

/**
 * A plain benchmark of the terminal's emulation (no JMH: the work is one long run on the emulator
 * thread, not a small method). Speeds are reported in MB/s (10^6 bytes of input a second) and,
 * because a shared machine's absolute numbers wander, as ratios to two references measured in
 * the same process: only UTF-8 decoding of the same bytes, and the emulator on plain ASCII.
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

        double decode = median("reference: UTF-8 decoding only, boot log", boot, EmulatorBench::decodeOnly);
        double ascii = median("reference: emulator, plain ASCII lines", plain, EmulatorBench::throughEngine);
        double typical = median("emulator, typical console output (boot log)", boot, EmulatorBench::throughEngine);
        double worst = median("emulator, worst case (escape-heavy repaint)", heavy, EmulatorBench::throughEngine);
        double session = median("session (emulator + log file), boot log", boot, EmulatorBench::throughSession);
        System.out.println();
        System.out.printf("typical console output: %7.1f MB/s = %.3f x UTF-8 decoding, %.2f x plain ASCII%n",
                typical, typical / decode, typical / ascii);
        System.out.printf("escape-heavy worst case: %6.1f MB/s = %.3f x UTF-8 decoding, %.2f x plain ASCII%n",
                worst, worst / decode, worst / ascii);
        System.out.printf("session with log file:  %7.1f MB/s = %.2f x the emulator alone on the same text%n",
                session, session / typical);
        System.out.println();
        scrollbackHeap(false);
        scrollbackHeap(true);
    }

    /** Runs {@code feeder} once to warm up, then {@link #RUNS} times; prints and returns the median MB/s. */
    private static double median(String name, byte[] data, Feeder feeder) throws Exception {
        feeder.feed(data);
        double[] rates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            rates[i] = data.length / (feeder.feed(data) / 1e9) / 1e6;
        }
        Arrays.sort(rates);
        System.out.printf("%-48s %5.1f MB in: median %8.1f MB/s (min %8.1f, max %8.1f)%n",
                name, data.length / 1e6, rates[RUNS / 2], rates[0], rates[RUNS - 1]);
        return rates[RUNS / 2];
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
