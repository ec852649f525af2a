package io.vncstream.gateway;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;

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

    /** How many pixels differ, and the first that does; empty when the frames are equal. */
    static String difference(FirstFullUpdate.Frame expected, FirstFullUpdate.Frame actual) {
        if (expected.width() != actual.width() || expected.height() != actual.height()) {
            return "size " + actual.width() + "x" + actual.height() + " instead of " + expected.width() + "x" + expected.height();
        }
        int count = 0;
        int first = -1;
        for (int i = 0; i < expected.argb().length; i++) {
            if (expected.argb()[i] != actual.argb()[i]) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 0) {
            return "";
        }
        return count + " pixels differ, first at (" + first % expected.width() + "," + first / expected.width() + "): "
                + String.format("%08x instead of %08x", actual.argb()[first], expected.argb()[first]);
    }
}
