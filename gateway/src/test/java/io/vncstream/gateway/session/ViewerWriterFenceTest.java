package io.vncstream.gateway.session;

import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;
import io.vncstream.gateway.device.DeviceSubscriber;
import io.vncstream.gateway.device.Subscription;
import io.vncstream.rfb.stream.EndCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own messages never land between a desktop Fence and what it fences; a writer
 * that is finishing (the gateway shutting down) still writes the end of every capture it has.
 */
class ViewerWriterFenceTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
            synchronized (bytes) {
                bytes.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }
    };
    private final ViewerWriter writer = new ViewerWriter(out, "test-writer", e -> { });

    @AfterEach
    void close() {
        writer.close();
    }

    private String written() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }

    private void awaitWritten(String expected) throws Exception {
        await(Duration.ofSeconds(5), "written: " + expected, () -> written().equals(expected));
    }

    @Test
    void oursGoBetweenDesktopMessagesAtOnce() throws Exception {
        writer.sendDesktop("update|".getBytes(), false);
        writer.send("notice|".getBytes());
        writer.sendDesktop("bell|".getBytes(), false);
        awaitWritten("update|notice|bell|");
    }

    @Test
    void afterAFenceThatFencesTheNextMessageOursWaitForIt() throws Exception {
        writer.sendDesktop("fence|".getBytes(), true);
        writer.send("notice|".getBytes());
        writer.send("capture|".getBytes());
        awaitWritten("fence|");
        Thread.sleep(200);
        assertThat(written()).isEqualTo("fence|");
        writer.sendDesktop("fenced|".getBytes(), false);
        awaitWritten("fence|fenced|notice|capture|");
        writer.send("later|".getBytes());
        awaitWritten("fence|fenced|notice|capture|later|");
    }

    @Test
    void twoFencesInARowKeepOursBackUntilTheFirstMessageThatIsNoFence() throws Exception {
        writer.sendDesktop("fence1|".getBytes(), true);
        writer.send("notice|".getBytes());
        writer.sendDesktop("fence2|".getBytes(), true);
        awaitWritten("fence1|fence2|");
        writer.sendDesktop("update|".getBytes(), false);
        awaitWritten("fence1|fence2|update|notice|");
    }

    @Test
    void shuttingDownWritesWhatAFenceHeldBack() throws Exception {
        writer.sendDesktop("fence|".getBytes(), true);
        writer.send("end|".getBytes());
        writer.finish();
        writer.awaitFinished(System.nanoTime() + Duration.ofSeconds(5).toNanos());
        assertThat(written()).isEqualTo("fence|end|");
    }

    /** A capture of a device that is already gone, as a shutdown leaves every capture. */
    private static Subscription endedCapture() {
        Device device = new Device("ttyS0", new DeviceBackend() {
            @Override
            public DeviceConnection open() {
                throw new AssertionError("never opened");
            }

            @Override
            public String describe() {
                return "nowhere";
            }
        }, 4096);
        device.remove("device removed");
        return device.subscribe(new DeviceSubscriber() {
            @Override
            public void ready() {
            }

            @Override
            public void overflowed(long boundBytes) {
            }

            @Override
            public void stalled(long idleMillis) {
            }
        }, CaptureLimits.maxBehind(1 << 20));
    }

    private String finished() {
        writer.finish();
        writer.awaitFinished(System.nanoTime() + Duration.ofSeconds(5).toNanos());
        return written();
    }

    private static String endCapture(int id) {
        return new String(new EndCapture(id).toBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void aCaptureAttachedJustBeforeTheShutdownGetsItsStartReplyThenItsEnd() throws Exception {
        CopyOnWriteArrayList<String> ended = new CopyOnWriteArrayList<>();
        writer.attach(7, "started|".getBytes(), endedCapture(), ended::add);
        assertThat(finished()).isEqualTo("started|" + endCapture(7));
        assertThat(ended).containsExactly("device removed");
    }

    @Test
    void shuttingDownUnderAFenceStillEndsTheCapturesItHeldBack() throws Exception {
        writer.sendDesktop("fence|".getBytes(), true);
        writer.attach(3, "started|".getBytes(), endedCapture(), reason -> { });
        writer.send("removed|".getBytes());
        assertThat(finished()).isEqualTo("fence|started|removed|" + endCapture(3));
    }
}
