package io.vncstream.gateway.load;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.stream.CaptureListener;
import io.vncstream.rfb.stream.StreamClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An rfb-core viewer that takes one frame and then asks for no more: only its consoles cost anything. */
public final class LightViewer implements AutoCloseable {
    private final RfbClient client;
    private final StreamClient streams = new StreamClient();
    private volatile Exception disconnected;

    public LightViewer(int port) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() {
            @Override
            public void disconnected(Exception cause) {
                disconnected = cause == null ? new Exception("closed") : cause;
            }
        }));
        client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", port), new ClientConfig(), frame);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        frame.await(Duration.ofSeconds(30));
        client.setAutoRequest(false);
    }

    public Capture capture(String device, CaptureListener listener) throws Exception {
        return streams.capture(device, listener).get(20, TimeUnit.SECONDS);
    }

    public Exception disconnected() {
        return disconnected;
    }

    @Override
    public void close() {
        client.close();
    }
}
