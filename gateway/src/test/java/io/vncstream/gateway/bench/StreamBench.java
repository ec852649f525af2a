package io.vncstream.gateway.bench;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.listen.UnixListener;
import io.vncstream.gateway.net.ConnectionLimits;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.stream.CaptureListener;
import io.vncstream.rfb.stream.StreamClient;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stream throughput and keystroke latency through the gateway, each against the same work done
 * on the device socket directly, in the same process:
 * <ul>
 *   <li>throughput: a Unix socket device (as QEMU's {@code -chardev socket,server=on}) writes
 *   {@code MB} megabytes; read directly, and through gateway + rfb-core StreamClient;</li>
 *   <li>the floor of the hop the gateway adds: the same bytes written once over a TCP loopback
 *   connection (256 KiB writes, as the gateway's writer, read 64 KiB at a time), no framing,
 *   no threads in between;</li>
 *   <li>the same through the gateway listening on a Unix socket ({@code --listen unix:PATH}), as for
 *   a viewer on the VM's host or over SSH: the hop the gateway adds is then a Unix socket too;</li>
 *   <li>latency: an echo device; one byte sent, its echo awaited, 2000 times; median and p99.</li>
 * </ul>
 * Each throughput also says what it cost in the process's CPU time per megabyte (see
 * {@link CpuMeter}); {@code -Dstreambench.threads=true} splits the gateway's by thread.
 * Each is measured {@code ROUNDS} times (default 3), direct and through the gateway in turn; the
 * first round is cold (JIT compilation, first touch of the heap), the later ones are warm.
 * Run: {@code scripts/bench gateway io.vncstream.gateway.bench.StreamBench 256 [ROUNDS]}.
 */
public final class StreamBench {
    private static final byte[] LINE = "[   12.345678] the quick brown fox jumps over the lazy dog 0123456789\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Milliseconds of the process's CPU time per megabyte in the last throughput measurement (see {@link CpuMeter}). */
    private static double cpuPerMegabyte;
    /** The same by thread, when -Dstreambench.threads=true. */
    private static String cpuByThread = "";
    private static final boolean PER_THREAD = Boolean.getBoolean("streambench.threads");

    private static double rate(long got, long startNanos, CpuMeter cpu) {
        cpuPerMegabyte = cpu.millisPerMegabyte(got);
        cpuByThread = cpu.byThread(got);
        return got / 1e6 / ((System.nanoTime() - startNanos) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long bytes = megabytes * 1024L * 1024;
        Path dir = Files.createTempDirectory("stream-bench");
        Path source = dir.resolve("source.sock");
        Path echo = dir.resolve("echo.sock");
        startSource(source, bytes);
        startEcho(echo);

        double direct = directThroughput(source, bytes);
        DeviceRegistry registry = new DeviceRegistry();
        registry.add(new Device("source", SocketBackend.unix(source), 0));
        registry.add(new Device("echo", SocketBackend.unix(echo), 0));
        DemoDesktop desktop = new DemoDesktop();
        Gateway gateway = Gateway.start("127.0.0.1", 0, desktop, registry, ServerSecurity.NONE, 1L << 30);
        // The same devices served a second time, on a Unix socket, as to a viewer on the VM's host or over SSH.
        Gateway unixGateway = Gateway.start(UnixListener.bind(dir.resolve("gateway.sock")), desktop, registry,
                ServerSecurity.NONE, CaptureLimits.maxBehind(1L << 30),
                new ConnectionLimits(ConnectionLimits.DEFAULT_MAX_VIEWERS, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS));
        try {
            Viewer viewer = connect(ServerAddress.tcp("127.0.0.1", gateway.port()));
            Viewer unixViewer = connect(ServerAddress.parse(unixGateway.address()));
            StreamClient streams = viewer.streams();
            StreamClient unixStreams = unixViewer.streams();

            // Round 1 is cold (JIT, first-touch heap pages); the later ones are the warm figures.
            for (int round = 1; round <= rounds; round++) {
                if (round > 1) {
                    direct = directThroughput(source, bytes);
                }
                double directCpu = cpuPerMegabyte;
                double tcp = tcpFloor(bytes);
                double tcpCpu = cpuPerMegabyte;
                double relayed = gatewayThroughput(streams, bytes);
                double relayedCpu = cpuPerMegabyte;
                String relayedByThread = cpuByThread;
                double overUnix = gatewayThroughput(unixStreams, bytes);
                double overUnixCpu = cpuPerMegabyte;
                String cold = round == 1 ? " (cold)" : "";
                System.out.printf("round %d%s throughput: direct %.1f MB/s, through gateway %.1f MB/s, ratio %.2f;"
                                + " TCP loopback floor %.1f MB/s, gateway/floor %.2f;"
                                + " through gateway on a unix socket %.1f MB/s, ratio %.2f (%d MiB)%n",
                        round, cold, direct, relayed, relayed / direct, tcp, relayed / tcp, overUnix, overUnix / direct, megabytes);
                System.out.printf("round %d%s CPU per MB (whole process): direct %.2f ms, TCP floor %.2f ms, through gateway %.2f ms,"
                                + " on a unix socket %.2f ms; gateway/floor %.2f%n",
                        round, cold, directCpu, tcpCpu, relayedCpu, overUnixCpu, relayedCpu / tcpCpu);
                if (PER_THREAD) {
                    System.out.printf("round %d through gateway, CPU ms per MB by thread:%s%n", round, relayedByThread);
                }
            }

            for (int round = 1; round <= rounds; round++) {
                long[] directRtt = directLatency(echo, 2000);
                long[] gatewayRtt = gatewayLatency(streams, 2000);
                long[] unixRtt = gatewayLatency(unixStreams, 2000);
                System.out.printf("round %d%s keystroke echo: direct median %.1f us p99 %.1f us; through gateway median %.1f us"
                                + " p99 %.1f us, ratio %.1f; on a unix socket median %.1f us p99 %.1f us%n",
                        round, round == 1 ? " (cold)" : "", directRtt[0] / 1e3, directRtt[1] / 1e3,
                        gatewayRtt[0] / 1e3, gatewayRtt[1] / 1e3, (double) gatewayRtt[0] / directRtt[0],
                        unixRtt[0] / 1e3, unixRtt[1] / 1e3);
            }
            viewer.client().close();
            unixViewer.client().close();
        } finally {
            unixGateway.close();
            gateway.close();
        }
    }

    /** A benchmark viewer: its connection and its stream extension. */
    private record Viewer(RfbClient client, StreamClient streams) {
    }

    /** A viewer with the stream extension, its first frame received, asking for no more. */
    private static Viewer connect(ServerAddress address) throws Exception {
        StreamClient streams = new StreamClient();
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() { }));
        RfbClient client = RfbClient.connect(address, new ClientConfig(), frame);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        frame.await(Duration.ofSeconds(20));
        client.setAutoRequest(false);
        return new Viewer(client, streams);
    }

    /**
     * A device that, for each byte from its reader, writes {@code bytes} of console-like lines. The trigger matters: the gateway reads a device from
     * the moment it is listed, so without it the output would be gone before the capture starts.
     */
    private static void startSource(Path path, long bytes) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        daemon(() -> {
            while (true) {
                SocketChannel c;
                try {
                    c = server.accept();
                } catch (IOException e) {
                    return;
                }
                daemon(() -> writeOnTrigger(c, bytes));
            }
        });
    }

    private static void writeOnTrigger(SocketChannel c, long bytes) {
        try (c) {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            while (chunk.remaining() >= LINE.length) {
                chunk.put(LINE);
            }
            chunk.flip();
            int size = chunk.limit();
            // The connection stays open between rounds: the gateway would reconnect otherwise.
            while (c.read(ByteBuffer.allocate(1)) >= 0) {
                long sent = 0;
                while (sent < bytes) {
                    chunk.rewind();
                    chunk.limit((int) Math.min(size, bytes - sent));
                    while (chunk.hasRemaining()) {
                        sent += c.write(chunk);
                    }
                    chunk.limit(size);
                }
            }
        } catch (IOException e) {
            // the reader went away
        }
    }

    private static void startEcho(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        daemon(() -> {
            while (true) {
                try {
                    SocketChannel c = server.accept();
                    daemon(() -> {
                        ByteBuffer b = ByteBuffer.allocate(4096);
                        try {
                            while (c.read(b) >= 0) {
                                b.flip();
                                while (b.hasRemaining()) {
                                    c.write(b);
                                }
                                b.clear();
                            }
                        } catch (IOException e) {
                            // connection gone
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static double directThroughput(Path source, long bytes) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(source))) {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            long got = 0;
            long start = System.nanoTime();
            CpuMeter cpu = new CpuMeter(PER_THREAD);
            c.write(ByteBuffer.wrap(new byte[]{'g'}));
            while (got < bytes) {
                int n = c.read(b);
                if (n < 0) {
                    break;
                }
                got += n;
                b.clear();
            }
            return rate(got, start, cpu);
        }
    }

    private static double tcpFloor(long bytes) throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            daemon(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    byte[] chunk = new byte[256 * 1024];
                    for (int i = 0; i + LINE.length <= chunk.length; i += LINE.length) {
                        System.arraycopy(LINE, 0, chunk, i, LINE.length);
                    }
                    java.io.OutputStream out = s.getOutputStream();
                    for (long sent = 0; sent < bytes; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
                    }
                } catch (IOException e) {
                    // the reader went away
                }
            });
            try (java.net.Socket c = new java.net.Socket(server.getInetAddress(), server.getLocalPort())) {
                c.setTcpNoDelay(true);
                java.io.InputStream in = c.getInputStream();
                byte[] b = new byte[64 * 1024];
                long got = 0;
                long start = System.nanoTime();
                CpuMeter cpu = new CpuMeter(PER_THREAD);
                int n;
                while (got < bytes && (n = in.read(b)) >= 0) {
                    got += n;
                }
                return rate(got, start, cpu);
            }
        }
    }

    private static double gatewayThroughput(StreamClient streams, long bytes) throws Exception {
        AtomicLong got = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        CpuMeter cpu = new CpuMeter(PER_THREAD);
        Capture c = streams.capture("source", data -> {
            if (got.addAndGet(data.length) >= bytes) {
                done.countDown();
            }
        }).get(10, TimeUnit.SECONDS);
        c.send(new byte[]{'g'});
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + got.get() + " of " + bytes + " bytes arrived");
        }
        double mbps = rate(got.get(), start, cpu);
        c.close();
        return mbps;
    }

    private static long[] directLatency(Path echo, int rounds) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(echo))) {
            long[] rtt = new long[rounds];
            ByteBuffer one = ByteBuffer.allocate(1);
            for (int i = 0; i < rounds; i++) {
                one.clear();
                one.put((byte) 'a').flip();
                long t = System.nanoTime();
                c.write(one);
                one.clear();
                c.read(one);
                rtt[i] = System.nanoTime() - t;
            }
            return percentiles(rtt);
        }
    }

    private static long[] gatewayLatency(StreamClient streams, int rounds) throws Exception {
        java.util.concurrent.SynchronousQueue<Long> arrivals = new java.util.concurrent.SynchronousQueue<>();
        Capture c = streams.capture("echo", new CaptureListener() {
            @Override
            public void output(byte[] data) {
                try {
                    arrivals.put(System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).get(10, TimeUnit.SECONDS);
        long[] rtt = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            c.send(new byte[]{'a'});
            Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("echo " + i + " did not come back");
            }
            rtt[i] = arrived - t;
        }
        c.close();
        return percentiles(rtt);
    }

    private static long[] percentiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new long[]{sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]};
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    }
}
