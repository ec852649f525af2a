package io.vncstream.viewer.cli;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.stream.StreamClient;
import io.vncstream.rfb.stream.StreamDeviceSource;

import java.io.IOException;
import java.time.Duration;

/**
 * What {@code devices} and {@code console} share: connect with the stream extension, wait for
 * the first complete update (the gateway announces its devices before it), then stop asking
 * for pixels, which these commands do not show.
 */
final class StreamSession implements DeviceSession {
    /** How long the first complete update (and with it the device list) may take. */
    private static final Duration FIRST_UPDATE_TIMEOUT = Duration.ofSeconds(30);

    final RfbClient client;
    private final StreamDeviceSource devices;

    private StreamSession(RfbClient client, StreamClient streams) {
        this.client = client;
        this.devices = new StreamDeviceSource(streams);
    }

    @Override
    public DeviceSource devices() {
        return devices;
    }

    static StreamSession open(String address, ConnectionOptions options) throws IOException, InterruptedException {
        ClientConfig config = options.config().jpegQuality(-1);
        StreamClient streams = new StreamClient();
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() { }));
        RfbClient client = options.connect(address, config, frame);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        try {
            frame.await(FIRST_UPDATE_TIMEOUT);
        } catch (IOException | InterruptedException e) {
            client.close();
            throw e;
        }
        client.setAutoRequest(false);
        return new StreamSession(client, streams);
    }

    @Override
    public void close() {
        client.close();
    }
}
