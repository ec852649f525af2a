package io.vncstream.rfb.bench;

import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerMessageReader;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replays whole recorded sessions ({@link SessionRecording}: ServerInit, then every server
 * message) through the client's own reader (ServerMessageReader, UpdateReader, the decoders)
 * into a framebuffer, and in the same run the session's floor ({@link SessionFloor}: zlib
 * inflate alone, the JPEG library's own decode alone (libturbojpeg's, or libjpeg's to a raster
 * when rfb-core uses ImageIO: -Dvncstream.jpeg=imageio), a copy of Raw's bytes). Rounds alternate decode and
 * floor passes; it reports decode-thread CPU per pass (median over the warm rounds), Mpixel/s
 * and the ratio decode / floor, which the machine's load moves far less than either figure;
 * then wall-clock time per pass on one thread and on two (DecodePipeline: the reader inflates,
 * a painter paints), alternating, and the process's CPU time two threads take against one
 * (their overhead). Wall-clock speedup
 * needs a second core that is free: on a machine shared with other work it says little.
 * <pre>
 *   mvn -o -q -B -pl rfb-core test-compile exec:exec@session-bench [-Dsessionbench.files=A.rfb,B.rfb]
 * </pre>
 * Properties: sessionbench.dir (recordings, made there first when missing), sessionbench.files
 * (more .rfb files, e.g. the sessions of shared/bench/decode-vs-tigervnc), sessionbench.only
 * (regex on file names), sessionbench.rounds, sessionbench.passes. No number is asserted.
 */
public final class SessionBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** "desk720." -> the last picture of that recording's Raw session (lossless sessions must end on it). */
    private static final java.util.Map<String, int[]> RAW_LAST = new java.util.HashMap<>();

    private SessionBench() {
    }

    public static void main(String[] args) throws Exception {
        String where = System.getProperty("sessionbench.dir", "");
        Path dir = where.isBlank() ? DecodeBench.workloadDir().resolveSibling("session-bench") : Path.of(where);
        String only = System.getProperty("sessionbench.only", ".");
        int rounds = Integer.getInteger("sessionbench.rounds", 5);
        int passes = Integer.getInteger("sessionbench.passes", 2);
        List<Path> files = new ArrayList<>(SessionRecording.loadOrRecord(dir, "desk720", 1280, 720, 8));
        String extra = System.getProperty("sessionbench.files", "");
        for (String f : extra.split(",")) {
            if (!f.isBlank()) {
                files.add(Path.of(f.strip()));
            }
        }
        System.out.printf(Locale.ROOT, "%d CPUs, load average %s; %d rounds of %d passes, first round is warm-up; Tight JPEG: %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), rounds, passes, io.vncstream.rfb.decode.TightJpeg.library());
        System.out.printf(Locale.ROOT, "%-26s %7s %7s %8s | %9s %9s %8s | %9s %-13s %7s | %11s %11s %7s %7s | %s%n",
                "session", "updates", "rects", "Mpixel", "cold ms", "decode ms", "Mpix/s", "floor ms", "floor",
                "ratio", "1-thread ms", "2-thread ms", "speedup", "CPU 2/1", "last picture vs Raw's");
        for (Path file : files) {
            if (!file.getFileName().toString().matches(".*(" + only + ").*")) {
                continue;
            }
            report(file, rounds, passes);
        }
        System.out.println("load average at the end " + loadAverage());
    }

    private static void report(Path file, int rounds, int passes) throws IOException {
        byte[] session = Files.readAllBytes(file);
        SessionFloor floor = SessionFloor.of(session);
        long pixels = floor.rectsAndPixels.values().stream().mapToLong(c -> c[1]).sum();
        long rects = floor.rectsAndPixels.values().stream().mapToLong(c -> c[0]).sum();
        Framebuffer[] last = new Framebuffer[1];
        oneLane(true);
        long cold = cpu(() -> last[0] = decode(session));
        String name = file.getFileName().toString();
        String prefix = name.substring(0, name.indexOf('.') + 1);
        if (name.startsWith(prefix + "raw.")) {
            RAW_LAST.put(prefix, last[0].pixels());
        }
        int[] raw = RAW_LAST.get(prefix);
        String same = raw == null ? "no Raw session" : name.contains("-q") ? "lossy"
                : Arrays.equals(raw, last[0].pixels()) ? "identical" : differing(raw, last[0].pixels()) + " pixels differ";
        long[] decode = new long[rounds];
        long[] base = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            decode[r] = cpu(() -> {
                for (int p = 0; p < passes; p++) {
                    decode(session);
                }
            }) / passes;
            base[r] = cpu(() -> {
                for (int p = 0; p < passes; p++) {
                    floor.run();
                }
            }) / passes;
        }
        // Wall clock, one thread against two (DecodePipeline), alternating.
        long[] wall1 = new long[rounds];
        long[] wall2 = new long[rounds];
        long[] proc1 = new long[rounds];
        long[] proc2 = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int lanes = 1; lanes <= 2; lanes++) {
                oneLane(lanes == 1);
                long t = System.nanoTime();
                long c = processCpu();
                for (int p = 0; p < passes; p++) {
                    decode(session);
                }
                (lanes == 1 ? wall1 : wall2)[r] = (System.nanoTime() - t) / passes;
                (lanes == 1 ? proc1 : proc2)[r] = (processCpu() - c) / passes;
            }
        }
        oneLane(true);
        double p1 = median(proc1) / 1e6;
        double p2 = median(proc2) / 1e6;
        double w1 = median(wall1) / 1e6;
        double w2 = median(wall2) / 1e6;
        double d = median(decode) / 1e6;
        double f = median(base) / 1e6;
        System.out.printf(Locale.ROOT, "%-26s %7d %7d %8.1f | %9.1f %9.1f %8.1f | %9.1f %-13s %7s | %11.1f %11.1f %6.2fx %6.2fx | %s%n",
                name, floor.updates, rects, pixels / 1e6, cold / 1e6, d, pixels / 1e3 / d, f,
                floor.kind(), f > 0.05 ? String.format(Locale.ROOT, "%.2fx", d / f) : "-", w1, w2, w1 / w2, p2 / p1, same);
    }

    /** CPU time is measured on one thread (the calling thread does all the work); wall time both ways. */
    private static void oneLane(boolean one) {
        System.setProperty("vncstream.decodeThreads", one ? "1" : "2");
    }

    /** One pass through the client's reader, from a fresh framebuffer and fresh decoders. */
    static Framebuffer decode(byte[] session) throws IOException {
        RfbInput in = RfbInput.of(stream(session));
        ServerInit init = ServerInit.read(in);
        Framebuffer fb = new Framebuffer(init.width(), init.height());
        ServerMessageReader reader = new ServerMessageReader(in, new DecodeContext(init.format()), fb,
                new RfbClientHandler() { });
        while (!in.atEnd()) {
            reader.readMessage();
        }
        return fb;
    }

    /** The bytes as a socket would give them, without ByteArrayInputStream's locking. */
    private static InputStream stream(byte[] b) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < b.length ? b[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (pos >= b.length) {
                    return -1;
                }
                int n = Math.min(len, b.length - pos);
                System.arraycopy(b, pos, dst, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return b.length - pos;
            }
        };
    }

    private static long differing(int[] a, int[] b) {
        if (a.length != b.length) {
            return Math.max(a.length, b.length);
        }
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    interface Work {
        void run() throws IOException;
    }

    /** CPU time of the whole process (every thread: reader and painter, and the JIT and GC too). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long cpu(Work w) throws IOException {
        long t = THREADS.getCurrentThreadCpuTime();
        w.run();
        return THREADS.getCurrentThreadCpuTime() - t;
    }

    /** Median of the rounds after the first (warm-up). */
    private static double median(long[] v) {
        long[] warm = Arrays.copyOfRange(v, v.length > 1 ? 1 : 0, v.length);
        Arrays.sort(warm);
        return warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
