package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.ThrottledLink;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous updates over a slow link (a loopback proxy: 30 ms each way, 300 KB/s towards the
 * client) from an Xvnc whose xterm scrolls without pause: the client answers Xvnc's fences as
 * it reads them, so Xvnc's congestion control sees the link's real round trip and sends no
 * more than it carries. The link stays busy (frames keep coming, most of its bandwidth used),
 * yet no byte waits in its queue for long: no seconds of stale frames build up.
 */
class CongestionControlXvncTest {
    private static final long RATE = 300_000;

    @Test
    void aSlowLinkDoesNotQueueUpFrames(@TempDir Path dir) throws Exception {
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(800, 600).start()) {
            xvnc.xterm(0, 0, 100, 40, dir, "while true; do ls -l --color=always /usr/bin /usr/lib; done");
            ClientConfig config = new ClientConfig().extensions(List.of(Encodings.FENCE, Encodings.CONTINUOUS_UPDATES));
            try (ThrottledLink link = new ThrottledLink("127.0.0.1", xvnc.port(), Duration.ofMillis(30), RATE);
                 RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", link.port()), config, new RfbClientHandler() { })) {
                client.start();
                Eventually.await(Duration.ofSeconds(20), "continuous updates on", client::continuousUpdates);
                Thread.sleep(3000); // the first full frame through the slow link, congestion control settling
                link.resetMaxima();
                long updates = client.updatesReceived();
                long bytes = link.deliveredBytes();
                long start = System.nanoTime();
                Thread.sleep(10_000);
                double seconds = (System.nanoTime() - start) / 1e9;
                long frames = client.updatesReceived() - updates;
                double rate = (link.deliveredBytes() - bytes) / seconds;
                String measured = String.format("%d updates in %.1f s, %.0f KB/s of %d KB/s, longest queue wait %d ms, most queued %d KB",
                        frames, seconds, rate / 1000, RATE / 1000, link.maxQueueWait().toMillis(), link.maxQueuedBytes() / 1000);
                System.out.println("CongestionControlXvncTest: " + measured);
                assertThat(client.continuousUpdates()).as(measured).isTrue();
                assertThat(frames).as("frames kept coming: " + measured).isGreaterThan(10);
                assertThat(rate).as("the link was busy: " + measured).isGreaterThan(RATE * 0.5);
                assertThat(link.maxQueueWait()).as("queued at most: " + measured).isLessThan(Duration.ofMillis(1000));
            }
        }
    }
}
