package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Xvnc's extensions negotiated end to end through the gateway: the viewer's Fence and
 * ContinuousUpdates pseudo-encodings reach Xvnc, whose Fence and EndOfContinuousUpdates come
 * back through the relay; continuous updates then flow without requests and the picture stays
 * pixel-exact; a pixel format switched by fence (as TigerVNC's viewer does it while updates
 * flow) is framed right. Before, the gateway stripped them from SetEncodings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionsThroughGatewayXvncTest {
    private XvncServer xvnc;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().depth(24).geometry(320, 240).start();
        xvnc.background().flatArea(40, 40, 100, 60, 0x3366CC).waitUntilStable();
        gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), null),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    private static BufferedImage picture(RfbClient client) {
        var fb = client.framebuffer();
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
        return image;
    }

    @Test
    void continuousUpdatesAndFencesAreNegotiatedEndToEnd(@TempDir Path dir) throws Exception {
        List<Fence> fences = new CopyOnWriteArrayList<>();
        AtomicInteger endOfContinuous = new AtomicInteger();
        RfbClientHandler handler = new RfbClientHandler() {
            @Override
            public void fence(Fence fence) {
                fences.add(fence);
            }

            @Override
            public void endOfContinuousUpdates() {
                endOfContinuous.incrementAndGet();
            }
        };
        ClientConfig config = new ClientConfig().onlyEncoding(Encodings.ZRLE)
                .extensions(List.of(Encodings.FENCE, Encodings.CONTINUOUS_UPDATES));
        try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()), config, handler)) {
            client.start();
            Eventually.await(Duration.ofSeconds(10), "Xvnc's EndOfContinuousUpdates (its offer) through the gateway",
                    () -> endOfContinuous.get() > 0);
            Eventually.await(Duration.ofSeconds(10), "a Fence from Xvnc through the gateway", () -> !fences.isEmpty());

            // Our own fence request comes back answered, with its data.
            client.send(new Fence(Fence.REQUEST | Fence.BLOCK_BEFORE, new byte[]{7, 7}));
            Eventually.await(Duration.ofSeconds(10), "Xvnc's answer to our fence", () -> fences.stream()
                    .anyMatch(f -> !f.isRequest() && java.util.Arrays.equals(f.data(), new byte[]{7, 7})));

            client.setAutoRequest(false);
            client.send(new EnableContinuousUpdates(true, 0, 0, 320, 240));
            Thread.sleep(500);
            long before = client.updatesReceived();
            xvnc.flatArea(200, 150, 80, 50, 0xCC3333).waitUntilStable();
            Eventually.await(Duration.ofSeconds(10), "an update without a request",
                    () -> client.updatesReceived() > before);
            BufferedImage expected = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd.png")));
            Eventually.await(Duration.ofSeconds(10), "the continuously updated picture equals xwd",
                    () -> PixelDiff.describe(expected, picture(client), PixelDiff.EXACT) == null);
            assertThat(client.isClosed()).isFalse();

            // A new pixel format while updates flow: the gateway switches framing at Xvnc's fence answer.
            client.setPixelFormat(RGB565);
            client.requestUpdate(false);
            for (int i = 0; i < 5; i++) {
                xvnc.flatArea(10 + 20 * i, 180, 15, 15, 0x11AA22 + i * 0x202020);
            }
            xvnc.waitUntilStable();
            BufferedImage after = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd-565.png")));
            try {
                Eventually.await(Duration.ofSeconds(10), "the 16-bit picture equals xwd through TigerVNC's 16-bit levels",
                        () -> PixelDiff.describe(after, picture(client), RGB565_LEVELS) == null);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + PixelDiff.describe(after, picture(client), RGB565_LEVELS)
                        + " format " + client.pixelFormat() + " closed " + client.isClosed() + " fences " + fences, e);
            }
            assertThat(client.pixelFormat()).isEqualTo(RGB565);
            assertThat(client.isClosed()).isFalse();
        }
    }

    /**
     * Xvnc rounds each channel to the nearest of the format's levels ({@code (v * max + 128) / 255});
     * our client widens a level back by bit replication, so its top bits are the level.
     */
    private static final PixelDiff.Match RGB565_LEVELS = (e, a) -> level(e >> 16, 31) == (a >> 19 & 31)
            && level(e >> 8, 63) == (a >> 10 & 63) && level(e, 31) == (a >> 3 & 31);

    private static int level(int channel, int max) {
        return ((channel & 0xFF) * max + 128) / 255;
    }

    private static final io.vncstream.rfb.pixel.PixelFormat RGB565 =
            new io.vncstream.rfb.pixel.PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
}
