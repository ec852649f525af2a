package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.load.SequenceSource;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.EndCapture;
import io.vncstream.rfb.stream.SendData;
import io.vncstream.rfb.stream.StartCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection churn of every kind (issue 11, "Tests that stay"): connections dropped before,
 * during and after the handshake, with captures left open, ended, written to, and messages cut
 * in the middle. When they are all gone, the gateway holds no more threads, descriptors,
 * subscriptions or heap than before.
 */
class ChurnLeakTest {
    private static final int ROUNDS = 150;
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void thousandsOfConnectionsOfEveryKindLeaveNothingBehind() throws Exception {
        try (SequenceSource source = new SequenceSource(dir.resolve("churn.sock"), 200_000)) {
            DeviceRegistry registry = new DeviceRegistry();
            Device device = new Device("churn", SocketBackend.unix(source.path()), 64 * 1024);
            registry.add(device);
            Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            try {
                churn(gateway.port(), 5, 1); // warm up: classes loaded, pools started
                settle(gateway, device);
                long threads0 = threads();
                long fds0 = descriptors();
                long heap0 = heapAfterGc();
                AtomicInteger connections = new AtomicInteger();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Thread w = new Thread(() -> connections.addAndGet(churn(gateway.port(), ROUNDS, 0)));
                    w.start();
                    workers.add(w);
                }
                for (Thread w : workers) {
                    w.join();
                }
                settle(gateway, device);
                long threads1 = threads();
                long fds1 = descriptors();
                long heap1 = heapAfterGc();
                System.out.printf("churn: %d connections; threads %d -> %d, descriptors %d -> %d, heap %d -> %d KiB%n",
                        connections.get(), threads0, threads1, fds0, fds1, heap0 / 1024, heap1 / 1024);
                assertThat(connections.get()).isGreaterThan(3000);
                assertThat(threads1).isLessThanOrEqualTo(threads0 + 2);
                assertThat(fds1).isLessThanOrEqualTo(fds0 + 2);
                assertThat(heap1).isLessThan(heap0 + 16L * 1024 * 1024);
            } finally {
                gateway.close();
            }
        }
    }

    private static void settle(Gateway gateway, Device device) throws Exception {
        await(Duration.ofSeconds(60), "every session gone", () -> gateway.viewerCount() == 0 && device.subscriberCount() == 0);
        // A session's writer notices its close within its one-second park.
        await(Duration.ofSeconds(10), "threads settled", () -> {
            long before = threads();
            Thread.sleep(1500);
            return threads() <= before;
        });
    }

    /** Each round: seven kinds of connection, each ended abruptly at a different point. */
    private static int churn(int port, int rounds, int unused) {
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (int kind = 0; kind < 7; kind++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    switch (kind) {
                        case 0 -> { } // connect, close
                        case 1 -> out.write("RFB 003".getBytes(StandardCharsets.US_ASCII)); // half a version
                        default -> {
                            new ClientHandshake(RfbInput.of(s.getInputStream()), out, new ClientConfig(), "gateway").run();
                            out.write(new SetEncodings(List.of(Encodings.RAW, Encodings.STREAMS)).toBytes());
                            switch (kind) {
                                case 2 -> { } // handshake, close
                                case 3 -> out.write(new StartCapture("churn").toBytes()); // capture left open
                                case 4 -> {
                                    out.write(new StartCapture("churn").toBytes());
                                    out.write(new SendData(1, "typed\r".getBytes(StandardCharsets.US_ASCII)).toBytes());
                                    out.write(new EndCapture(1).toBytes());
                                }
                                case 5 -> out.write(new byte[]{6, 0, 0, 0, 0, 0x10, 0, 0, 'a', 'b'}); // cut text cut short
                                default -> out.write(new byte[]{(byte) 200, 1, 2, 3}); // no such message
                            }
                        }
                    }
                    out.flush();
                    n++;
                } catch (IOException e) {
                    n++; // refused or reset midway is churn too
                }
            }
        }
        return n;
    }

    private static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long descriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
