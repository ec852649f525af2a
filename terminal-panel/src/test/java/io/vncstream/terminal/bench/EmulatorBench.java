package io.vncstream.terminal.bench;

import io.vncstream.terminal.TerminalOptions;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.emulation.TerminalEngine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * A plain benchmark (no JMH): emulator throughput for typical console output and for an
 * escape-heavy worst case, the same with the session's log file, and the heap taken by 10,000
 * lines of scrollback. Run:
 * {@code mvn -o -q -pl terminal-panel test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.vncstream.terminal.bench.EmulatorBench}
 */
public final class EmulatorBench {
    private static final int CHUNK = 16 * 1024;
    private static final int RUNS = 5;

    private EmulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] typical = typicalConsoleOutput(32 * 1024 * 1024);
        byte[] escapeHeavy = escapeHeavyOutput(16 * 1024 * 1024);
        System.out.printf("java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        report("typical console output, emulator only", typical, EmulatorBench::throughEngine);
        report("escape-heavy worst case, emulator only", escapeHeavy, EmulatorBench::throughEngine);
        report("typical console output, session (emulator + log file)", typical, EmulatorBench::throughSession);
        scrollbackHeap(80, false);
        scrollbackHeap(120, true);
    }

    interface Feeder {
        /** @return nanoseconds from the first byte handed over until the emulator caught up */
        long feed(byte[] data) throws Exception;
    }

    private static void report(String name, byte[] data, Feeder feeder) throws Exception {
        feeder.feed(data); // warm-up: JIT
        double[] rates = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long nanos = feeder.feed(data);
            rates[i] = data.length / (nanos / 1e9) / (1024 * 1024);
        }
        Arrays.sort(rates);
        System.out.printf("%-58s %6.1f MiB in, median %6.1f MiB/s (min %6.1f, max %6.1f)%n",
                name, data.length / (1024.0 * 1024), rates[RUNS / 2], rates[0], rates[RUNS - 1]);
    }

    private static long throughEngine(byte[] data) throws Exception {
        try (TerminalEngine engine = new TerminalEngine("bench", 120, 40, 10_000, new TerminalEngine.Hooks() { })) {
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
        try (TerminalSession session = new TerminalSession("bench", TerminalOptions.defaults().columns(120).rows(40)
                .logDirectory(dir), java.time.Clock.systemUTC(), Runnable::run)) {
            long start = System.nanoTime();
            for (int off = 0; off < data.length; off += CHUNK) {
                session.accept(data, off, Math.min(CHUNK, data.length - off));
            }
            if (!session.engine().awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("emulator did not catch up");
            }
            long nanos = System.nanoTime() - start;
            if (Files.size(session.log()) != data.length) {
                throw new IllegalStateException("log lost bytes");
            }
            Files.delete(session.log());
            return nanos;
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** Boot-log-like text: timestamps, some coloured status words, lines of 30 to 110 chars. */
    static byte[] typicalConsoleOutput(int size) {
        Random random = new Random(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        String words = "systemd kernel usb device eth0 link up mounted filesystem starting service "
                + "network manager reached target audit cpu memory block sda1 ext4 journal";
        String[] dictionary = words.split(" ");
        int line = 0;
        while (out.size() < size) {
            StringBuilder sb = new StringBuilder();
            if (line % 5 == 0) {
                sb.append("[\u001b[0;32m  OK  \u001b[0m] ");
            } else {
                sb.append(String.format("[%8.6f] ", line * 0.0137));
            }
            int length = 30 + random.nextInt(80);
            while (sb.length() < length) {
                sb.append(dictionary[random.nextInt(dictionary.length)]).append(' ');
            }
            sb.append("\r\n");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            line++;
        }
        return out.toByteArray();
    }

    /** Worst case: every character in its own colours (256 and true colour) at a jumping cursor. */
    static byte[] escapeHeavyOutput(int size) {
        Random random = new Random(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        while (out.size() < size) {
            StringBuilder sb = new StringBuilder();
            sb.append("\u001b[").append(1 + random.nextInt(40)).append(';').append(1 + random.nextInt(120)).append('H');
            for (int i = 0; i < 20; i++) {
                sb.append("\u001b[38;5;").append(random.nextInt(256)).append(";48;2;")
                        .append(random.nextInt(256)).append(';').append(random.nextInt(256)).append(';')
                        .append(random.nextInt(256)).append(i % 3 == 0 ? ";1;4m" : "m")
                        .append((char) ('!' + random.nextInt(90)));
            }
            sb.append("\u001b[0m\u001b[K");
            if (random.nextInt(8) == 0) {
                sb.append("\r\n\u001b[2;39r\u001b[S\u001b[r");
            }
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void scrollbackHeap(int columns, boolean coloured) throws Exception {
        long before = usedHeapAfterGc();
        TerminalEngine engine = new TerminalEngine("heap", columns, 40, 10_000, new TerminalEngine.Hooks() { });
        StringBuilder text = new StringBuilder();
        Random random = new Random(3);
        for (int i = 0; i < 10_040; i++) {
            if (coloured) {
                text.append("\u001b[3").append(i % 8).append('m').append("line ").append(i).append("\u001b[0m ");
            }
            while (text.length() - text.lastIndexOf("\n") <= columns) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append("\r\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        engine.accept(bytes, 0, bytes.length);
        engine.awaitIdle(Duration.ofMinutes(2));
        int history = engine.textBuffer().getHistoryLinesCount();
        long after = usedHeapAfterGc();
        System.out.printf("heap for %d scrollback lines of %d full columns%s: %.1f MiB (%.0f bytes a line)%n",
                history, columns, coloured ? ", coloured" : ", plain", (after - before) / (1024.0 * 1024),
                (double) (after - before) / history);
        engine.close();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
