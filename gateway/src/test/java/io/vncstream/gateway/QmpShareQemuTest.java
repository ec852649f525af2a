package io.vncstream.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --qmp-share} with the real tiny VM: the gateway holds QEMU's one QMP socket, and two
 * clients of the share use the monitor at the same time, each greeted, each getting the replies
 * to its own commands under its own ids, both getting QEMU's events; a chardev one of them
 * hot-plugs reaches a viewer within 2 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QmpShareQemuTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TinyVm vm;
    private Gateway gateway;
    private Path share;

    @BeforeAll
    void start() throws Exception {
        vm = TinyVm.boot();
        vm.releaseSerial();
        share = vm.dir().resolve("qmp-share.sock");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--qmp", "unix:" + vm.qmpSocket(), "--qmp-share", share.toString());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    /** A QMP client on the share: one JSON object per line, read on a thread of its own. */
    private static final class ShareClient implements AutoCloseable {
        private final SocketChannel channel;
        private final BlockingQueue<JsonNode> lines = new ArrayBlockingQueue<>(1000);

        ShareClient(Path path) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
            // Reads through a stream, writes on the channel itself (both through streams would deadlock).
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            Thread t = new Thread(() -> {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(JSON.readTree(line));
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "share client");
            t.setDaemon(true);
            t.start();
        }

        void send(String json) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        JsonNode next() throws InterruptedException {
            JsonNode n = lines.poll(10, TimeUnit.SECONDS);
            assertThat(n).as("a line from the share within 10 s").isNotNull();
            return n;
        }

        /** The next line that is not an event. */
        JsonNode nextReply() throws InterruptedException {
            JsonNode n;
            do {
                n = next();
            } while (n.has("event"));
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void twoClientsAtOnceRepliesToTheirOwnIdsEventsToBothAndAHotPlugReachesViewers() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(share))).isEqualTo("rw-------");
        try (ShareClient a = new ShareClient(share); ShareClient b = new ShareClient(share);
             StreamViewer viewer = new StreamViewer(gateway.port())) {
            assertThat(a.next().has("QMP")).as("greeting").isTrue();
            assertThat(b.next().has("QMP")).as("greeting").isTrue();
            a.send("{\"execute\":\"query-status\"}");
            assertThat(a.next().path("error").path("class").asText()).isEqualTo("CommandNotFound");
            a.send("{\"execute\":\"qmp_capabilities\",\"id\":\"a0\"}");
            b.send("{\"execute\":\"qmp_capabilities\",\"id\":7}");
            assertThat(a.nextReply().path("id").asText()).isEqualTo("a0");
            assertThat(b.nextReply().path("id").asInt()).isEqualTo(7);

            // Bad input is answered as QEMU answers it, and the client stays connected.
            a.send("{not json");
            assertThat(a.nextReply().path("error").path("class").asText()).isEqualTo("GenericError");
            a.send("{\"execute\":\"qmp_capabilities\",\"id\":\"again\"}");
            assertThat(a.nextReply().path("error").path("desc").asText()).contains("already complete");

            // Both at once, the same ids on purpose: each reply goes to its own sender, id restored.
            a.send("{\"execute\":\"query-status\",\"id\":\"same\"}");
            b.send("{\"execute\":\"query-chardev\",\"id\":\"same\"}");
            JsonNode ra = a.nextReply();
            JsonNode rb = b.nextReply();
            assertThat(ra.path("id").asText()).isEqualTo("same");
            assertThat(ra.path("return").path("status").asText()).isEqualTo("running");
            assertThat(rb.path("id").asText()).isEqualTo("same");
            assertThat(rb.path("return").toString()).contains(TinyVm.SERIAL_ID);

            // Events go to every client: stop and cont give STOP and RESUME.
            a.send("{\"execute\":\"stop\",\"id\":\"s\"}");
            assertThat(a.nextReply().has("return")).isTrue();
            a.send("{\"execute\":\"cont\",\"id\":\"c\"}");
            assertThat(eventNamed(b, "STOP")).isTrue();
            assertThat(eventNamed(b, "RESUME")).isTrue();

            // A chardev hot-plugged by a share client reaches a viewer within 2 s.
            Path hot = vm.dir().resolve("hot-share.sock");
            b.send("{\"execute\":\"chardev-add\",\"id\":\"add\",\"arguments\":{\"id\":\"hotshare\",\"backend\":{\"type\":\"socket\","
                    + "\"data\":{\"addr\":{\"type\":\"unix\",\"data\":{\"path\":\"" + hot + "\"}},\"server\":true,\"wait\":false}}}}");
            JsonNode added = b.nextReply();
            long at = System.nanoTime();
            assertThat(added.path("id").asText()).isEqualTo("add");
            assertThat(added.has("return")).as(added.toString()).isTrue();
            await(Duration.ofSeconds(2), "hotshare listed in the viewer", () -> viewer.streams.devices().contains("hotshare"));
            System.out.printf("qmp-share hot-plug: listed %d ms after chardev-add's answer%n", (System.nanoTime() - at) / 1_000_000);
            b.send("{\"execute\":\"chardev-remove\",\"id\":\"rm\",\"arguments\":{\"id\":\"hotshare\"}}");
            assertThat(b.nextReply().path("id").asText()).isEqualTo("rm");
        }
    }

    private static boolean eventNamed(ShareClient c, String name) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            JsonNode n = c.next();
            if (name.equals(n.path("event").asText())) {
                return true;
            }
        }
        return false;
    }
}
