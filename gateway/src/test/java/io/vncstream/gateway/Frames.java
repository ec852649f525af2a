package io.vncstream.gateway;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;

import java.awt.image.BufferedImage;
import java.time.Duration;

/** One complete frame from a server, as {@code vncstream snapshot} takes it. */
final class Frames {
    private Frames() {
    }

    static FirstFullUpdate.Frame take(String address, ClientConfig config) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(address), config, frame)) {
            frame.watch(client.framebuffer());
            client.start();
            return frame.await(Duration.ofSeconds(30));
        }
    }

    /** The frame as a picture, for {@link io.vncstream.rfb.testing.PixelDiff} (every pixel's alpha is opaque). */
    static BufferedImage image(FirstFullUpdate.Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, frame.width(), frame.height(), frame.argb(), 0, frame.width());
        return image;
    }
}
