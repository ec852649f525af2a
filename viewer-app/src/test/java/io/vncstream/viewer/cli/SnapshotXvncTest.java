package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream snapshot} against TigerVNC's Xvnc with real content (fractal background, flat
 * areas, an xterm with coloured text): the PNG it writes must be the server's own framebuffer as
 * {@code xwd} reads it, for every encoding the client decodes.
 */
class SnapshotXvncTest {

    /** One Xvnc per depth, with the same content; the reference is taken once the screen is stable. */
    abstract static class AgainstXvnc {
        XvncServer server;
        Path dir;
        Path reference;

        abstract int depth();

        @BeforeAll
        void startServer() throws Exception {
            server = XvncServer.builder().depth(depth()).geometry(640, 480).start();
            server.background()
                    .flatArea(400, 300, 200, 150, 0x3366CC)
                    .flatArea(40, 380, 120, 60, 0xF0E040)
                    .colouredTerminal(16, 16)
                    .waitUntilStable();
            dir = Files.createTempDirectory("snapshot-xvnc-" + depth());
            reference = server.referencePng(dir.resolve("reference.png"));
            // The picture must be real content, not an empty screen that any decoder would get right.
            assertThat(PixelDiff.distinctColours(PixelDiff.read(reference))).as("colours on " + server).isGreaterThan(1000);
        }

        @AfterAll
        void stopServer() {
            if (server != null) {
                server.close();
            }
            if (dir != null) {
                io.vncstream.rfb.testing.Processes.deleteTree(dir);
            }
        }

        Path snapshot(String name, String... options) throws IOException {
            Path out = dir.resolve(name + ".png");
            Cli.Outcome r = Cli.snapshot(server.address(), out, options);
            System.out.println("snapshot " + server + " " + String.join(" ", options) + ": " + r.millis() + " ms");
            assertThat(r.exitCode()).as("%s\n%s", r, server.logTail()).isZero();
            return out;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Depth24 extends AgainstXvnc {
        @Override
        int depth() {
            return 24;
        }

        @ParameterizedTest(name = "--encoding {0}")
        @ValueSource(strings = {"raw", "copyrect", "rre", "hextile", "zlib", "zrle", "tight"})
        void equalsTheServersFramebufferPixelForPixel(String encoding) throws IOException {
            Path png = snapshot(encoding, "--encoding", encoding);
            PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "depth 24, --encoding " + encoding);
        }
    }
    /**
     * Xvnc at depth 16 keeps RGB565 pixels: 5 bits of red and blue, 6 of green. Both sides widen
     * those to 8 bits: {@code convert} for the xwd reference, and either the server (when the
     * client asks for 32-bit true colour) or the client itself ({@code --native-format}). The
     * widening rules may differ (bit replication, scaling with or without rounding), so the
     * pictures must agree in the 5/6/5 bits the server really has, which bounds every channel's
     * difference by 7 (red, blue) and 3 (green), and nothing looser.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Depth16 extends AgainstXvnc {
        @Override
        int depth() {
            return 16;
        }

        @ParameterizedTest(name = "--encoding {0}")
        @ValueSource(strings = {"raw", "copyrect", "rre", "hextile", "zlib", "zrle", "tight"})
        void equalsTheServersFramebufferInItsRgb565Bits(String encoding) throws IOException {
            Path png = snapshot(encoding, "--encoding", encoding);
            PixelDiff.assertMatches(reference, png, PixelDiff.sameTopBits(5, 6, 5), "depth 16, --encoding " + encoding);
        }

        @ParameterizedTest(name = "--native-format --encoding {0}")
        @ValueSource(strings = {"raw", "copyrect", "rre", "hextile", "zlib", "zrle", "tight"})
        void inTheServersOwnFormatEqualsItsFramebufferInItsRgb565Bits(String encoding) throws IOException {
            Path png = snapshot("native-" + encoding, "--native-format", "--encoding", encoding);
            PixelDiff.assertMatches(reference, png, PixelDiff.sameTopBits(5, 6, 5),
                    "depth 16, --native-format --encoding " + encoding);
        }
    }
}
