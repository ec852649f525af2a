package io.vncstream.viewer.ui;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.stream.StreamDeviceSource;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.stream.StreamClient;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.terminal.TerminalOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.SwingUtilities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console tab still live on a lost connection when the next one announces its device: with
 * bounded queues, the old capture's end can wait behind output the terminal has not taken yet,
 * and the tab must not skip the new connection because of it.
 */
class ConsoleTabRecaptureTest {
    @TempDir
    Path logs;
    private EmbeddedDemo demo;
    private final List<RfbClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RfbClient::close);
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aTabLiveOnAnOlderConnectionIsCapturedByTheNewOne() throws Exception {
        TestPeers.requireDisplay();
        demo = EmbeddedDemo.start(0);
        ConsoleTab tab = new ConsoleTab("serial0", TerminalOptions.defaults().logDirectory(logs), () -> { });
        DeviceSource first = new StreamDeviceSource(streams());
        SwingUtilities.invokeAndWait(() -> tab.capture(first));
        Eventually.await(Duration.ofSeconds(10), "captured on the first connection", () -> onEdt(tab) != null);
        DeviceCapture old = onEdt(tab);

        DeviceSource second = new StreamDeviceSource(streams()); // as the next connection announcing serial0 while the old end is queued
        SwingUtilities.invokeAndWait(() -> tab.capture(second));
        Eventually.await(Duration.ofSeconds(10), "captured on the new connection",
                () -> onEdt(tab) != null && onEdt(tab) != old);
        Eventually.await(Duration.ofSeconds(10), "only the new capture is left at the server",
                () -> demo.registry().get("serial0").subscriberCount() == 1 && !old.isOpen());
        SwingUtilities.invokeAndWait(tab::close);
    }

    private static DeviceCapture onEdt(ConsoleTab tab) throws Exception {
        DeviceCapture[] c = new DeviceCapture[1];
        SwingUtilities.invokeAndWait(() -> c[0] = tab.capture());
        return c[0];
    }

    private StreamClient streams() throws Exception {
        StreamClient streams = new StreamClient();
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() { }));
        RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", demo.port()),
                new ClientConfig().jpegQuality(-1), frame);
        clients.add(client);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        frame.await(Duration.ofSeconds(30));
        client.setAutoRequest(false);
        Eventually.await(Duration.ofSeconds(10), "the device list", () -> streams.devices().contains("serial0"));
        return streams;
    }
}
