package io.vncstream.gateway.load;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.StartCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test of issue 11 that stays in CI, loopback only and about half a minute: 20 viewers
 * capture one device writing numbered lines at 1 MB/s, each checks every byte; one more viewer
 * captures and never reads, and is cut off once it is max-behind behind; the device's producer
 * is never held up for long by any of it.
 */
class StreamLoadTest {
    private static final int VIEWERS = 20;
    private static final long RATE = 1_000_000;
    private static final long MAX_BEHIND = 4L * 1024 * 1024;
    private static final int SECONDS = 25;
    private static final long STALL_BOUND_MS = 1500;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void twentyViewersByteExactOneStalledViewerCutOffProducerNeverHeldUp() throws Exception {
        long begin = System.nanoTime();
        try (SequenceSource source = new SequenceSource(dir.resolve("load.sock"), RATE)) {
            DeviceRegistry registry = new DeviceRegistry();
            registry.add(new Device("load", SocketBackend.unix(source.path()), 64 * 1024));
            Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE, MAX_BEHIND);
            List<LightViewer> viewers = new ArrayList<>();
            List<SequenceChecker> checkers = new ArrayList<>();
            long t0 = System.nanoTime();
            System.out.printf("load: gateway up in %d ms%n", (t0 - begin) / 1_000_000);
            try (Socket stalled = new Socket()) {
                // Small before the connection is made, so the kernel cannot hide a stalled reader for long.
                stalled.setReceiveBufferSize(4096);
                stalled.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.port()));
                for (int i = 0; i < VIEWERS; i++) {
                    LightViewer v = new LightViewer(gateway.port());
                    viewers.add(v);
                    SequenceChecker c = new SequenceChecker();
                    checkers.add(c);
                    v.capture("load", c);
                }
                OutputStream out = stalled.getOutputStream();
                new ClientHandshake(RfbInput.of(stalled.getInputStream()), out, new ClientConfig(), "gateway").run();
                out.write(new SetEncodings(List.of(Encodings.RAW, Encodings.STREAMS)).toBytes());
                out.write(new StartCapture("load").toBytes());
                out.flush();
                System.out.printf("load: %d viewers connected in %d ms%n", VIEWERS, (System.nanoTime() - t0) / 1_000_000);
                source.resetStall();
                long lines0 = source.linesWritten();
                long runStart = System.nanoTime();
                long cutAfter = -1;
                while (System.nanoTime() - runStart < SECONDS * 1_000_000_000L) {
                    Thread.sleep(100);
                    if (cutAfter < 0 && gateway.viewerCount() == VIEWERS) {
                        cutAfter = (System.nanoTime() - runStart) / 1_000_000;
                    }
                }
                System.out.printf("load: the stalled viewer was cut off after %d ms%n", cutAfter);
                long produced = source.linesWritten() - lines0;
                long stall = source.maxStallMillis();
                long minChecked = Long.MAX_VALUE;
                for (int i = 0; i < VIEWERS; i++) {
                    SequenceChecker c = checkers.get(i);
                    assertThat(c.error()).as("viewer " + i).isNull();
                    assertThat(viewers.get(i).disconnected()).as("viewer " + i).isNull();
                    minChecked = Math.min(minChecked, c.linesChecked());
                }
                System.out.printf("load: %d viewers x %.1f MB/s for %d s, every byte checked (fewest lines checked by one viewer %d of %d produced), "
                                + "producer's longest stall %d ms%n",
                        VIEWERS, RATE / 1e6, SECONDS, minChecked, produced, stall);
                assertThat(minChecked).as("lines the slowest viewer checked").isGreaterThan(produced * 8 / 10);
                assertThat(stall).as("the producer's longest stall, ms").isLessThan(STALL_BOUND_MS);
                // Cut off by the gateway (its session gone), while it still has not read a byte.
                assertThat(gateway.viewerCount()).as("viewers left, the stalled one cut off").isEqualTo(VIEWERS);
            } finally {
                long t1 = System.nanoTime();
                viewers.forEach(LightViewer::close);
                gateway.close();
                System.out.printf("load: closed in %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            }
            System.out.printf("load: stalled socket closed at %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        }
        System.out.printf("load: source closed at %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }
}
