package io.vncstream.gateway.load;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.net.ConnectionLimits;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.StartCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's flow control, through real sockets, against a device writing numbered lines
 * faster than a viewer reads them: a device goes at the pace of its fastest viewer. A lone slow
 * viewer gets every byte (the device waits for it, through TCP and the device's socket); a slow
 * viewer next to a fast one is cut off once it is max-behind behind, and the fast one and the
 * device go on at the device's rate; a lone viewer that reads nothing is cut off after the stall
 * timeout, and the device is read on.
 */
class SlowViewerFlowTest {
    private static final int MiB = 1024 * 1024;
    private static final long MAX_BEHIND = 4L * MiB;
    private static final Duration STALL = Duration.ofSeconds(2);
    /** What may sit between the device and a viewer the device waits for: the pacing mark, the writer's buffer, socket buffers. */
    private static final long IN_FLIGHT_BOUND = 8L * MiB;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aLoneViewerSlowerThanTheDeviceGetsEveryByteAndTheDeviceWaitsForIt() throws Exception {
        long rate = 16_000_000;
        long linkRate = 1_000_000;
        try (SequenceSource source = new SequenceSource(dir.resolve("fast.sock"), rate);
             Gateway gateway = start(source);
             SlowLink link = new SlowLink(gateway.port(), linkRate);
             LightViewer v = new LightViewer(link.port())) {
            SequenceChecker checker = new SequenceChecker();
            v.capture("dev", checker);
            long lines0 = source.linesWritten();
            long received0 = checker.bytes();
            long maxInFlight = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 12_000_000_000L && v.disconnected() == null) {
                Thread.sleep(50);
                maxInFlight = Math.max(maxInFlight, (source.linesWritten() - lines0) * SequenceSource.LINE - (checker.bytes() - received0));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long produced = (source.linesWritten() - lines0) * SequenceSource.LINE;
            long received = checker.bytes() - received0;
            System.out.printf("flow: a lone viewer on a %.1f MB/s link to a device flooding at up to %.1f MB/s: in %.1f s %d bytes"
                            + " produced, %d received byte-exact, at most %d in between; %s%n",
                    linkRate / 1e6, rate / 1e6, seconds, produced, received, maxInFlight,
                    v.disconnected() == null ? "still connected" : "cut off: " + v.disconnected());
            // Before the device waited for its fastest viewer, this one was cut off at max-behind within seconds.
            assertThat(v.disconnected()).as("the slow viewer's connection").isNull();
            assertThat(checker.error()).isNull();
            assertThat(received).as("bytes received").isGreaterThan(linkRate * 12 / 4);
            // The device was held back to the viewer's pace, not read into a queue.
            assertThat(maxInFlight).as("most bytes produced but not yet received").isLessThan(IN_FLIGHT_BOUND);
        }
    }

    @Test
    @Timeout(120)
    void aSlowViewerNextToAFastOneIsCutOffMaxBehindAndTheFastOneKeepsTheDevicesRate() throws Exception {
        long rate = 3_000_000;
        long linkRate = 500_000;
        try (SequenceSource source = new SequenceSource(dir.resolve("two.sock"), rate);
             Gateway gateway = start(source);
             SlowLink link = new SlowLink(gateway.port(), linkRate);
             LightViewer fastViewer = new LightViewer(gateway.port());
             LightViewer slowViewer = new LightViewer(link.port())) {
            SequenceChecker fast = new SequenceChecker();
            SequenceChecker slow = new SequenceChecker();
            fastViewer.capture("dev", fast);
            slowViewer.capture("dev", slow);
            source.resetStall();
            long lines0 = source.linesWritten();
            long fast0 = fast.linesChecked();
            long link0 = link.deliveredBytes();
            long t0 = System.nanoTime();
            long fastAtCut = -1;
            // The gateway's cut, seen as its viewer count: the slow viewer itself sees the end only
            // once its link has passed on what was already in the gateway's socket.
            while (System.nanoTime() - t0 < 30_000_000_000L && fastAtCut < 0) {
                long f = fast.bytes();
                Thread.sleep(5);
                if (gateway.viewerCount() < 2) {
                    fastAtCut = f;
                }
            }
            long cutMs = (System.nanoTime() - t0) / 1_000_000;
            long producedAtCut = (source.linesWritten() - lines0) * SequenceSource.LINE;
            long slowDelivered = link.deliveredBytes() - link0;
            assertThat(fastAtCut).as("the slow viewer cut off within 30 s").isNotNegative();
            Thread.sleep(2000);
            for (int i = 0; i < 300 && slowViewer.disconnected() == null; i++) {
                Thread.sleep(100);
            }
            assertThat(slowViewer.disconnected()).as("the slow viewer's connection, 30 s after the cut").isNotNull();
            Thread.sleep(200);
            long behindAtCut = fastAtCut - slow.bytes();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long produced = source.linesWritten() - lines0;
            long fastLines = fast.linesChecked() - fast0;
            System.out.printf("flow: slow viewer (a %.1f MB/s link) cut off after %d ms, %d bytes behind the fast one; in %.1f s"
                            + " the device wrote %d lines (%.1f MB/s), the fast viewer checked %d; producer's longest stall %d ms%n",
                    linkRate / 1e6, cutMs, behindAtCut, seconds, produced, produced * SequenceSource.LINE / 1e6 / seconds, fastLines,
                    source.maxStallMillis());
            assertThat(slow.error()).as("the slow viewer's output up to the cut").isNull();
            // Cut off once its queue reached max-behind (the device was then at most a pacing mark ahead of the fast one).
            assertThat(behindAtCut).as("how far the slow viewer was behind the fast one when cut off")
                    .isGreaterThan(MAX_BEHIND / 2).isLessThan(2 * MAX_BEHIND);
            assertThat(fast.error()).isNull();
            assertThat(fastViewer.disconnected()).isNull();
            // Not slowed to the slow one's pace: the device went on at twice that at least, and the fast viewer took all of it.
            assertThat(producedAtCut).as("bytes the device wrote until the cut").isGreaterThan(2 * slowDelivered);
            assertThat(fastLines).as("lines the fast viewer checked").isGreaterThan(produced * 9 / 10);
            assertThat(source.maxStallMillis()).as("the producer's longest stall, ms").isLessThan(1500);
        }
    }

    @Test
    @Timeout(120)
    void aLoneViewerThatReadsNothingIsCutOffAfterTheStallTimeoutAndTheDeviceIsReadOn() throws Exception {
        long rate = 4_000_000;
        try (SequenceSource source = new SequenceSource(dir.resolve("stall.sock"), rate);
             Gateway gateway = start(source);
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", gateway.port()));
            OutputStream out = stalled.getOutputStream();
            new ClientHandshake(RfbInput.of(stalled.getInputStream()), out, new ClientConfig(), "gateway").run();
            source.resetStall();
            out.write(new SetEncodings(List.of(Encodings.RAW, Encodings.STREAMS)).toBytes());
            out.write(new StartCapture("dev").toBytes());
            out.flush();
            long t0 = System.nanoTime();
            while (gateway.viewerCount() > 0 && System.nanoTime() - t0 < 30_000_000_000L) {
                Thread.sleep(20);
            }
            long cutMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(gateway.viewerCount()).as("viewers left after 30 s").isZero();
            // A write is timed when it returns: the one the gateway held returns once the device is read on.
            Thread.sleep(500);
            long stallWhileHeld = source.maxStallMillis();
            source.resetStall();
            long lines0 = source.linesWritten();
            Thread.sleep(2000);
            long after = (source.linesWritten() - lines0) * SequenceSource.LINE;
            System.out.printf("flow: a lone viewer reading nothing cut off after %d ms; the producer was held %d ms,"
                            + " then wrote %d bytes in 2 s (longest stall %d ms)%n",
                    cutMs, stallWhileHeld, after, source.maxStallMillis());
            // The device waited for it (before, it read on and cut the viewer off at max-behind), but no longer than the stall timeout.
            assertThat(stallWhileHeld).as("the producer's longest stall while the viewer was connected, ms")
                    .isGreaterThan(STALL.toMillis() / 2).isLessThan(STALL.toMillis() + 1500);
            assertThat(after).as("bytes the device wrote in the 2 s after").isGreaterThan(rate * 2 * 8 / 10);
            assertThat(source.maxStallMillis()).as("the producer's longest stall after, ms").isLessThan(500);
            assertThat(closedByGateway(stalled)).as("the viewer's connection closed by the gateway").isTrue();
        }
    }

    private static Gateway start(SequenceSource source) throws Exception {
        DeviceRegistry registry = new DeviceRegistry();
        registry.add(new Device("dev", SocketBackend.unix(source.path()), 0));
        return Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE,
                new CaptureLimits(MAX_BEHIND, STALL),
                new ConnectionLimits(ConnectionLimits.DEFAULT_MAX_VIEWERS, ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS));
    }

    private static boolean closedByGateway(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (in.read(buf) >= 0) {
                // what was sent before the cut
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset: closed with data unread
        }
    }
}
