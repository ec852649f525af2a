package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.CaptureListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream extension has no mark for a backlog replay, so a viewer takes a capture's first
 * send-data, and each after a full 1 MiB one, as the replay (and does not answer the terminal
 * queries in it: issue 11, defect 12). The gateway's replay must end where viewers think it
 * does: else a device's first live output after a capture with no backlog, or after a backlog
 * of whole messages, counts as replay and a shell's cursor-position query goes unanswered.
 */
class ReplayMarkTest {
    private static final int MIB = Limits.MAX_STREAM_DATA;
    private static final byte[] LIVE = "\u001b[6n$ ".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void withNoBacklogTheFirstLiveOutputIsNotReplay() throws Exception {
        check(0, 256 * 1024);
    }

    @Test
    @Timeout(60)
    void aBacklogOfWholeMessagesEndsBeforeTheLiveOutput() throws Exception {
        check(2 * MIB, 2 * MIB);
    }

    @Test
    @Timeout(60)
    void aShorterBacklogIsReplayedAndWhatFollowsIsLive() throws Exception {
        check(1000, 256 * 1024);
    }

    /** {@code past} bytes of output before the capture, into a backlog of {@code backlog}; then live output. */
    private void check(int past, int backlog) throws Exception {
        Path sock = dir.resolve("dev.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            DeviceRegistry registry = new DeviceRegistry();
            Device device = new Device("serial0", SocketBackend.unix(sock), backlog);
            registry.add(device);
            try (SocketChannel vm = server.accept()) {
                byte[] old = new byte[past];
                Arrays.fill(old, (byte) 'o');
                writeAll(vm, old);
                Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE, 16L * MIB);
                try (StreamViewer viewer = new StreamViewer(gateway.port())) {
                    if (past > 0) {
                        await(Duration.ofSeconds(20), "the old output is in the backlog", () -> device.backlogSize() == past);
                    }
                    Sorted sorted = new Sorted();
                    viewer.streams.capture("serial0", sorted).get(10, TimeUnit.SECONDS);
                    await(Duration.ofSeconds(20), "the backlog replayed", () -> sorted.replayed() == past);
                    writeAll(vm, LIVE);
                    await(Duration.ofSeconds(20), "the live output arrives", () -> sorted.live().length + sorted.replayed() >= past + LIVE.length);
                    assertThat(sorted.replayed()).as("replayed bytes: the old output, and nothing after").isEqualTo(past);
                    assertThat(new String(sorted.live(), StandardCharsets.US_ASCII))
                            .as("the output after the capture is live, so its query is answered")
                            .isEqualTo(new String(LIVE, StandardCharsets.US_ASCII));
                } finally {
                    gateway.close();
                }
            }
        }
    }

    private static void writeAll(SocketChannel ch, byte[] data) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** What the viewer's capture took as replay, counted, and as live output, kept. */
    private static final class Sorted implements CaptureListener {
        private final ByteArrayOutputStream live = new ByteArrayOutputStream();
        private long replayed;

        @Override
        public synchronized void output(byte[] data) {
            live.write(data, 0, data.length);
        }

        @Override
        public synchronized void replayed(byte[] data) {
            replayed += data.length;
        }

        synchronized long replayed() {
            return replayed;
        }

        synchronized byte[] live() {
            return live.toByteArray();
        }
    }
}
