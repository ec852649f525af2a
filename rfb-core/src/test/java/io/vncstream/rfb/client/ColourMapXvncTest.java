package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8-bit colour-map pixels from a real server. TigerVNC 1.12's Xvnc cannot run at depth 8
 * ("Couldn't add screen"), so no server here has a colour map of its own; but when a client
 * asks for a colour-map format, Xvnc sends a fixed BGR233 colour map (SetColourMapEntries) and
 * indexes into it, reducing red and green to 8 levels and blue to 4 with its own rounding
 * (green 0x3a arrives as level 2, 0x48, not as its top 3 bits 001). The picture the client
 * builds from indices and colour map must be exactly the server's framebuffer put through that
 * reduction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColourMapXvncTest {
    /** 8 bpp, depth 8, colour map: the shifts and maxima are unused (RFC 6143 7.4). */
    static final PixelFormat COLOUR_MAP_8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);

    XvncServer server;
    Path dir;
    BufferedImage reference;

    @BeforeAll
    void start() throws Exception {
        server = XvncServer.builder().depth(24).geometry(640, 480).start();
        server.background().flatArea(400, 300, 200, 150, 0x3366CC).colouredTerminal(16, 16).waitUntilStable();
        dir = Files.createTempDirectory("colour-map-xvnc");
        reference = PixelDiff.read(server.referencePng(dir.resolve("reference.png")));
        assertThat(PixelDiff.distinctColours(reference)).isGreaterThan(1000);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        Processes.deleteTree(dir);
    }

    @ParameterizedTest(name = "encoding {0}")
    @ValueSource(ints = {Encodings.RAW, Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE, Encodings.ZLIB, Encodings.ZRLE, Encodings.TIGHT})
    void pixelsThroughTheServersColourMapKeepTheirBgr233Bits(int encoding) throws Exception {
        ClientConfig config = new ClientConfig().pixelFormat(COLOUR_MAP_8).onlyEncoding(encoding).streams(false);
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        FirstFullUpdate.Frame picture;
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(server.address()), config, frame)) {
            frame.watch(client.framebuffer());
            client.start();
            picture = frame.await(Duration.ofSeconds(20));
            assertThat(client.pixelFormat()).isEqualTo(COLOUR_MAP_8);
        }
        BufferedImage got = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        got.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
        // 256 colours at most; and more than a handful, or the colour map was never applied.
        assertThat(PixelDiff.distinctColours(got)).isBetween(16, 256);
        PixelDiff.assertMatches(reference, got, PixelDiff.viaTigerVncLevels(7, 7, 3),
                "colour map, encoding " + Encodings.name(encoding));
    }
}
