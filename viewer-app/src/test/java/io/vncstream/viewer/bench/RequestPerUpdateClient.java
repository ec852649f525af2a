package io.vncstream.viewer.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;

import java.util.concurrent.CountDownLatch;

/**
 * NetworkFpsBench's reference for what continuous updates are worth: rfb-core's client decoding
 * into its framebuffer (no GUI) with neither Fence nor ContinuousUpdates offered, so each update
 * waits for the request sent after the last one, one round trip each. Runs until killed.
 * <pre>RequestPerUpdateClient PORT ENCODING(tight|zrle|auto)</pre>
 */
public final class RequestPerUpdateClient {
    private RequestPerUpdateClient() {
    }

    public static void main(String[] args) throws Exception {
        ClientConfig config = new ClientConfig();
        switch (args[1]) {
            case "tight" -> config.preferredEncoding(Encodings.TIGHT).compressLevel(2);
            case "zrle" -> config.preferredEncoding(Encodings.ZRLE).compressLevel(2);
            default -> { }
        }
        CountDownLatch ended = new CountDownLatch(1);
        try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", Integer.parseInt(args[0])), config,
                new RfbClientHandler() {
                    @Override
                    public void disconnected(Exception cause) {
                        ended.countDown();
                    }
                })) {
            client.start();
            ended.await();
        }
    }
}
