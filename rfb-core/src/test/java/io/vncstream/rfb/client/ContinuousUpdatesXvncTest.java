package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous updates as TigerVNC's viewer uses them, with a real Xvnc: once Xvnc has shown it
 * takes fences and offers continuous updates, the client turns them on and sends no more
 * requests, updates keep coming as the screen changes, the picture stays exact, and a resize
 * keeps them covering the whole screen. Without the two pseudo-encodings, requests as before.
 */
class ContinuousUpdatesXvncTest {
    private static BufferedImage picture(RfbClient client) {
        var fb = client.framebuffer();
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
        return image;
    }

    @Test
    void updatesFlowWithoutRequestsAndThePictureStaysExact(@TempDir Path dir) throws Exception {
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(320, 240).start()) {
            xvnc.background().waitUntilStable();
            ClientConfig config = new ClientConfig().onlyEncoding(Encodings.ZRLE)
                    .extensions(List.of(Encodings.FENCE, Encodings.CONTINUOUS_UPDATES));
            try (RfbClient client = RfbClient.connect(ServerAddress.parse(xvnc.address()), config, new RfbClientHandler() { })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "continuous updates on", client::continuousUpdates);
                Thread.sleep(300);
                long requests = client.requestsSent();
                long updates = client.updatesReceived();
                for (int i = 0; i < 4; i++) {
                    xvnc.flatArea(10 + 60 * i, 100, 50, 40, 0x224466 + 0x203000 * i);
                }
                xvnc.waitUntilStable();
                BufferedImage expected = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd.png")));
                Eventually.await(Duration.ofSeconds(10), "the picture equals xwd",
                        () -> PixelDiff.describe(expected, picture(client), PixelDiff.EXACT) == null);
                assertThat(client.updatesReceived()).as("updates while the screen changed").isGreaterThan(updates);
                assertThat(client.requestsSent()).as("requests sent while continuous updates flow").isEqualTo(requests);

                // A remote resize: the continuous area follows the new size.
                assertThat(client.requestDesktopSize(400, 300)).isTrue();
                Eventually.await(Duration.ofSeconds(10), "400x300", () -> client.framebuffer().width() == 400);
                xvnc.flatArea(330, 250, 60, 40, 0xAA5500).waitUntilStable();
                BufferedImage resized = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd-400.png")));
                Eventually.await(Duration.ofSeconds(10), "the resized picture equals xwd",
                        () -> PixelDiff.describe(resized, picture(client), PixelDiff.EXACT) == null);
                assertThat(client.requestsSent()).isEqualTo(requests);
            }
        }
    }

    @Test
    void withoutThePseudoEncodingsRequestsGoOn() throws Exception {
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(320, 240).start()) {
            try (RfbClient client = RfbClient.connect(ServerAddress.parse(xvnc.address()), new ClientConfig(),
                    new RfbClientHandler() { })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "a first update", () -> client.updatesReceived() > 0);
                long requests = client.requestsSent();
                xvnc.flatArea(10, 10, 50, 40, 0x224466).waitUntilStable();
                Eventually.await(Duration.ofSeconds(10), "more requests", () -> client.requestsSent() > requests);
                assertThat(client.continuousUpdates()).isFalse();
            }
        }
    }
}
