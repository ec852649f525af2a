package io.vncstream.gateway.bench;

import io.vncstream.gateway.load.LightViewer;
import io.vncstream.gateway.load.SequenceChecker;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway process under a flood: a device writes {@code LINES} numbered 64-byte lines as fast
 * as the gateway takes them, to {@code VIEWERS} viewers (in this process) that check every byte.
 * Reports the gateway's peak RSS (VmHWM), its RSS 30 s after the flood, the producer's longest
 * stall and the rate. The gateway is started from the class path given (this tree's, or an
 * older build's, for a before/after comparison in the same run). {@code MB_PER_S} paces the
 * device instead (a 60 MB/s device: 60), and {@code GATEWAY_OPTS} (environment) gives the
 * gateway's JVM options, e.g. those of installer/src/main/package/java-options.sh.
 * Run: {@code scripts/bench gateway io.vncstream.gateway.bench.FloodBench CLASSPATH [LINES] [VIEWERS] [MB_PER_S]}.
 */
public final class FloodBench {
    public static void main(String[] args) throws Exception {
        String classPath = args[0];
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        int viewers = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double bytesPerNano = args.length > 3 ? Double.parseDouble(args[3]) * 1e6 / 1e9 : 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opts = System.getenv("GATEWAY_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        Path dir = Files.createTempDirectory("flood-bench");
        Path sock = dir.resolve("flood.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        command.addAll(List.of("-cp", classPath, "io.vncstream.gateway.cli.GatewayCommand", "--listen", "127.0.0.1:" + port,
                "--demo", "--device", "flood=unix:" + sock));
        Process gateway = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile()).start();
        try {
            SocketChannel device = server.accept();
            waitForPort(port);
            List<LightViewer> vs = new ArrayList<>();
            List<SequenceChecker> checkers = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                LightViewer v = new LightViewer(port);
                SequenceChecker c = new SequenceChecker();
                v.capture("flood", c);
                vs.add(v);
                checkers.add(c);
            }
            long rss0 = status(gateway, "VmRSS:");
            long maxStall = 0;
            long start = System.nanoTime();
            ByteBuffer batch = ByteBuffer.allocate(1024 * 64);
            long sent = 0;
            for (long n = 0; n < lines; ) {
                if (bytesPerNano > 0) {
                    long ahead = (long) (sent / bytesPerNano) - (System.nanoTime() - start);
                    if (ahead > 0) {
                        Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                    }
                }
                batch.clear();
                while (batch.remaining() >= 64 && n < lines) {
                    batch.put(io.vncstream.gateway.load.SequenceSource.line(n++));
                }
                batch.flip();
                long t = System.nanoTime();
                while (batch.hasRemaining()) {
                    device.write(batch);
                }
                maxStall = Math.max(maxStall, System.nanoTime() - t);
                sent += batch.limit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = status(gateway, "VmHWM:");
            Thread.sleep(30_000);
            long settled = status(gateway, "VmRSS:");
            long exact = checkers.stream().filter(c -> c.error() == null).count();
            long connected = vs.stream().filter(v -> v.disconnected() == null).count();
            System.out.printf("flood: %d lines (%d MB) to %d viewers in %.1f s (%.1f MB/s); %d byte-exact, %d still connected;"
                            + " producer's longest stall %d ms; gateway RSS before %d MiB, peak %d MiB, 30 s after %d MiB%n",
                    lines, lines * 64 / 1_000_000, viewers, seconds, lines * 64 / 1e6 / seconds, exact, connected,
                    maxStall / 1_000_000, rss0 / 1024, peak / 1024, settled / 1024);
            vs.forEach(LightViewer::close);
            device.close();
        } finally {
            gateway.destroyForcibly();
            server.close();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the gateway did not start");
    }

    private static long status(Process p, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
