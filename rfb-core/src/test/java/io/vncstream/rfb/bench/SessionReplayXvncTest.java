package io.vncstream.rfb.bench;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.testing.TestPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session bench's own parts against a real Xvnc: a short recorded session in every encoding
 * replays through the client's reader to the very picture the Raw session ends on (lossless
 * ones; Tight with JPEG only decodes), on one thread and on two (DecodePipeline) alike, and each floor
 * walks the same session and does work.
 */
class SessionReplayXvncTest {

    @Test
    void everyLosslessSessionEndsOnTheRawSessionsPicture(@TempDir Path dir) throws Exception {
        TestPeers.requireProgram("xdotool", "xdotool");
        List<Path> files = SessionRecording.loadOrRecord(dir, "short", 640, 480, 2);
        int[] raw = null;
        for (Path file : files) {
            byte[] session = Files.readAllBytes(file);
            Framebuffer fb = SessionBench.decode(session);
            System.setProperty("vncstream.decodeThreads", "2");
            try {
                assertThat(SessionBench.decode(session).pixels()).as("%s decoded on two threads", file.getFileName())
                        .isEqualTo(fb.pixels());
            } finally {
                System.clearProperty("vncstream.decodeThreads");
            }
            SessionFloor floor = SessionFloor.of(session);
            assertThat(floor.updates).as("updates in %s", file.getFileName()).isGreaterThan(5);
            String name = file.getFileName().toString();
            assertThat(floor.run()).as("work done by the floor of %s", name).isPositive();
            if (name.contains(".raw.")) {
                raw = fb.pixels();
                assertThat(floor.kind()).isEqualTo("copy");
            } else if (!name.contains("-q8")) {
                assertThat(fb.pixels()).as("last picture of %s", name).isEqualTo(raw);
                assertThat(floor.kind()).isEqualTo(name.contains(".hextile.") ? "paint" : "inflate");
            } else {
                assertThat(floor.kind()).contains("jpeg");
            }
        }
    }
}
