package io.vncstream.viewer.bench;

import io.vncstream.rfb.testing.DelayProxy;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.RfbTrafficCounter;
import io.vncstream.rfb.testing.XvncServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Updates per second of the 1080p scrolling workload (an xterm scrolling a file listing
 * without pause on Xvnc 1920x1080) through a {@link DelayProxy} adding 25 ms each way (50 ms
 * round trip): vncstream's viewer (its GUI, painting) against TigerVNC's vncviewer on the same
 * proxy, alternating, each counted the same way from the proxy's side. Runs under an X display
 * (viewer-app/bench/network-fps.sh starts one).
 *
 * <pre>
 * scripts/bench viewer-app io.vncstream.viewer.bench.NetworkFpsBench [--seconds N] [--warmup S]
 *     [--rounds R] [--delay-ms D] [--modes auto,tight,zrle] [--shots DIR] [--requests-reference true]
 * </pre>
 * With {@code --requests-reference true} each mode also measures {@link RequestPerUpdateClient}
 * ("requests": rfb-core's client without Fence and ContinuousUpdates, one request per update).
 * The warm-up (10 s by default) matters for vncstream: in its first seconds the JIT has not yet
 * compiled the decoders, and with 3 s of warm-up it measured 20-50% fewer updates than with 12.
 * Modes: {@code auto} is each viewer's defaults (vncviewer's AutoSelect, vncstream's Tight
 * without JPEG); {@code tight} and {@code zrle} pin both to that encoding, lossless, compress
 * level 2 (vncviewer: -AutoSelect=0 -NoJPEG).
 */
public final class NetworkFpsBench {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    /** Where a screenshot of each viewer's display goes at the end of its window (--shots DIR), or null. */
    private static Path shots;

    private record Result(String viewer, String mode, int round, double updatesPerSecond, double megapixelsPerSecond,
                          double copyMegapixelsPerSecond, double mbitPerSecond, double fenceMillis, double viewerCpu, double serverCpu,
                          RfbTrafficCounter.Snapshot end) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
        int delayMs = Integer.parseInt(opt.getOrDefault("delay-ms", "25"));
        boolean requestsReference = Boolean.parseBoolean(opt.getOrDefault("requests-reference", "false"));
        shots = opt.containsKey("shots") ? Files.createDirectories(Path.of(opt.get("shots"))) : null;
        List<String> modes = List.of(opt.getOrDefault("modes", "auto,tight,zrle").split(","));
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("no DISPLAY: run under xvfb-run -a -s \"-screen 0 1920x1200x24\" (bench/network-fps.sh does)");
        }
        Path work = Files.createTempDirectory("network-fps");
        List<Result> results = new ArrayList<>();
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(WIDTH, HEIGHT).start();
             DelayProxy proxy = new DelayProxy("127.0.0.1", xvnc.port(), Duration.ofMillis(delayMs))) {
            xvnc.background();
            Path listing = work.resolve("listing.txt");
            Processes.check(Duration.ofSeconds(60), Map.of(), work, "sh", "-c", "find /usr > " + listing + " 2>/dev/null || true");
            // The scrolling workload of decode-vs-tigervnc's recordings: a listing scrolling in an
            // xterm of 60% of the screen at (20,20), as fast as the xterm draws it.
            xvnc.xterm(20, 20, WIDTH / 6 * 6 / 10, HEIGHT / 13 * 6 / 10, work, "while :; do cat " + listing + "; done");
            System.out.printf("Xvnc %dx%d on :%d, proxy 127.0.0.1:%d adding %d ms each way; %d s measured after %d s, %d rounds%n",
                    WIDTH, HEIGHT, xvnc.display(), proxy.port(), delayMs, seconds, warmup, rounds);
            ProcessHandle xvncProcess = xvncProcess(xvnc.display());
            for (int round = 1; round <= rounds; round++) {
                for (String mode : modes) {
                    List<String> order = new ArrayList<>(round % 2 == 1 ? List.of("vncstream", "vncviewer") : List.of("vncviewer", "vncstream"));
                    if (requestsReference) {
                        order.add("requests");
                    }
                    for (String viewer : order) {
                        Result r = measure(viewer, mode, round, proxy, xvncProcess, work, warmup, seconds);
                        results.add(r);
                        System.out.printf(Locale.ROOT, "round %d %-5s %-9s %6.1f updates/s %7.1f Mpixel/s (+%6.1f CopyRect) %5.1f Mbit/s  CPU viewer %.2f Xvnc %.2f  fence answered in %.1f ms (max %.0f)  fences %d/%d CU %s requests %d%s%n",
                                round, mode, viewer, r.updatesPerSecond, r.megapixelsPerSecond, r.copyMegapixelsPerSecond,
                                r.mbitPerSecond, r.viewerCpu, r.serverCpu, r.fenceMillis, r.end.maxFenceAnswerNanos() / 1e6, r.end.serverFences(), r.end.clientFences(), r.end.continuousEnabled(),
                                r.end.updateRequests(), r.end.problem() == null ? "" : "  COUNTING FAILED: " + r.end.problem());
                    }
                }
            }
            summary(results, modes);
        } finally {
            Processes.deleteTree(work);
        }
    }

    /** Linux's USER_HZ, what /proc/PID/stat counts CPU time in. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU time (user + system, in ticks) of a process and its descendants; 0 where /proc cannot say. */
    private static long cpuTicks(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        long sum = 0;
        for (ProcessHandle h : all) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            } catch (IOException | RuntimeException e) {
                // ended meanwhile
            }
        }
        return sum;
    }

    /** The Xvnc serving this display, found by its command line. */
    private static ProcessHandle xvncProcess(int display) {
        return ProcessHandle.allProcesses().filter(h -> {
            try {
                String cmd = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline")).replace('\0', ' ');
                return cmd.contains("Xvnc :" + display + " ");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalStateException("no Xvnc :" + display + " process"));
    }

    private static Result measure(String viewer, String mode, int round, DelayProxy proxy, ProcessHandle xvnc, Path work,
                                  int warmup, int seconds) throws Exception {
        Path home = Files.createDirectories(work.resolve(viewer + "-" + mode + "-" + round));
        List<String> cmd = switch (viewer) {
            case "vncstream" -> vncstream(mode, home, proxy.port());
            case "requests" -> requestPerUpdate(mode, proxy.port());
            default -> vncviewer(mode, proxy.port());
        };
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("DISPLAY", System.getenv("DISPLAY"));
        Process p = Processes.start(env, home, home.resolve("viewer.log"), cmd);
        try {
            DelayProxy.Link link = proxy.nextLink(Duration.ofSeconds(30));
            if (link == null) {
                throw new IOException(viewer + " did not connect within 30 s: " + Processes.tail(home.resolve("viewer.log")));
            }
            // From the first update on (the full frame), warm-up, then the measured window.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (link.counter().snapshot().updates() == 0) {
                if (System.nanoTime() > deadline || link.ended()) {
                    throw new IOException(viewer + " got no update: " + link.counter().problem() + "; "
                            + Processes.tail(home.resolve("viewer.log")));
                }
                Thread.sleep(20);
            }
            Thread.sleep(warmup * 1000L);
            RfbTrafficCounter.Snapshot a = link.counter().snapshot();
            long bytesA = link.deliveredTowardsClient();
            long viewerTicksA = cpuTicks(p.toHandle()) ;
            long serverTicksA = cpuTicks(xvnc);
            Thread.sleep(seconds * 1000L);
            RfbTrafficCounter.Snapshot b = link.counter().snapshot();
            long bytesB = link.deliveredTowardsClient();
            if (shots != null) {
                // What the viewer showed at the end: proof that it painted the desktop, natively sized.
                Processes.run(Duration.ofSeconds(30), env, home, List.of("import", "-window", "root",
                        shots.resolve(viewer + "-" + mode + "-" + round + ".png").toString()));
            }
            long viewerTicks = cpuTicks(p.toHandle()) - viewerTicksA;
            long serverTicks = cpuTicks(xvnc) - serverTicksA;
            if (link.ended()) {
                throw new IOException(viewer + " disconnected during the measurement: " + Processes.tail(home.resolve("viewer.log")));
            }
            double s = b.seconds(a);
            return new Result(viewer, mode, round, b.updatesPerSecond(a), b.megapixelsPerSecond(a),
                    (b.copyRectPixels() - a.copyRectPixels()) / 1e6 / s, (bytesB - bytesA) * 8 / 1e6 / s, b.meanFenceAnswerMillis(a),
                    viewerTicks / TICKS_PER_SECOND / s, serverTicks / TICKS_PER_SECOND / s, b);
        } finally {
            Processes.killTree(p.toHandle());
            p.waitFor();
        }
    }

    private static List<String> vncstream(String mode, Path home, int port) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        if (!mode.equals("auto")) {
            Files.writeString(config.resolve("settings.properties"), "encoding=" + mode + "\ncompressLevel=2\njpegQuality=-1\n");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("VIEWER_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-Dvncstream.config.dir=" + config, "-cp", absoluteClassPath(),
                "io.vncstream.viewer.cli.VncstreamCommand", "127.0.0.1::" + port));
        return cmd;
    }

    private static List<String> requestPerUpdate(String mode, int port) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", absoluteClassPath(), RequestPerUpdateClient.class.getName(), Integer.toString(port), mode);
    }

    /** The bench's class path with absolute entries: the viewer runs in its own directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static List<String> vncviewer(String mode, int port) {
        List<String> cmd = new ArrayList<>(List.of("vncviewer", "-SecurityTypes", "None", "-Shared"));
        switch (mode) {
            case "auto" -> { }
            case "tight" -> cmd.addAll(List.of("-AutoSelect=0", "-PreferredEncoding", "Tight", "-NoJPEG", "-CompressLevel", "2"));
            case "zrle" -> cmd.addAll(List.of("-AutoSelect=0", "-PreferredEncoding", "ZRLE", "-NoJPEG", "-CompressLevel", "2"));
            default -> throw new IllegalArgumentException("unknown mode " + mode + " (auto, tight, zrle)");
        }
        cmd.add("127.0.0.1::" + port);
        return cmd;
    }

    private static void summary(List<Result> results, List<String> modes) {
        System.out.println();
        System.out.println("medians over rounds:");
        for (String mode : modes) {
            double ours = median(results, "vncstream", mode, true);
            double theirs = median(results, "vncviewer", mode, true);
            double oursPx = median(results, "vncstream", mode, false);
            double theirsPx = median(results, "vncviewer", mode, false);
            System.out.printf(Locale.ROOT, "%-5s vncstream %6.1f updates/s %7.1f Mpixel/s | vncviewer %6.1f updates/s %7.1f Mpixel/s | ratio vncstream/vncviewer: updates %.2f, Mpixel %.2f%n",
                    mode, ours, oursPx, theirs, theirsPx, ours / theirs, oursPx / theirsPx);
            double requests = median(results, "requests", mode, true);
            if (!Double.isNaN(requests)) {
                System.out.printf(Locale.ROOT, "      requests (one request per update, no CU) %6.1f updates/s %7.1f Mpixel/s%n",
                        requests, median(results, "requests", mode, false));
            }
            for (String viewer : List.of("vncstream", "vncviewer")) {
                results.stream().filter(r -> r.viewer.equals(viewer) && r.mode.equals(mode)).reduce((x, y) -> y)
                        .ifPresent(r -> System.out.println("      " + viewer + " encodings sent " + r.end.clientEncodings()
                                + ", rectangles received " + r.end.rectsByEncoding()));
            }
        }
    }

    private static double median(List<Result> results, String viewer, String mode, boolean updates) {
        double[] v = results.stream().filter(r -> r.viewer.equals(viewer) && r.mode.equals(mode))
                .mapToDouble(r -> updates ? r.updatesPerSecond : r.megapixelsPerSecond).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs, not " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
