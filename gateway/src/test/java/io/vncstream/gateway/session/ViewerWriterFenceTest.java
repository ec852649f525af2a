package io.vncstream.gateway.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own messages never land between a desktop Fence and what it fences. */
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
}
