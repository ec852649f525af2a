package io.vncstream.gateway.qmp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway's two QMP clients accept before QEMU's greeting. QEMU writes events to a
 * monitor that is not negotiating capabilities, and a client that has connected but not yet
 * been greeted already gets them: CI saw a VNC_DISCONNECTED come first when a VNC client left
 * as the gateway connected. The race is QEMU's and rare, so a peer on a real unix socket plays
 * QEMU's side of it here; the QEMU tests cover the rest of the conversation.
 */
class QmpGreetingTest {
    private static final String EVENT = "{\"timestamp\":{\"seconds\":1796319041,\"microseconds\":169707},"
            + "\"event\":\"VNC_DISCONNECTED\",\"data\":{}}\n";
    private static final String GREETING = "{\"QMP\":{\"version\":{\"qemu\":{\"micro\":0,\"minor\":2,\"major\":9}},"
            + "\"capabilities\":[\"oob\"]}}\n";

    @TempDir
    Path dir;
    private Thread peer;

    @AfterEach
    void stopPeer() throws InterruptedException {
        if (peer != null) {
            peer.join(5000);
        }
    }

    @Test
    void bothClientsSkipEventsBeforeTheGreeting() throws Exception {
        try (QmpClient c = QmpClient.connect(serve(EVENT + EVENT + GREETING))) {
            assertThat(c.execute("query-status", null).path("status").asText()).isEqualTo("running");
        }
        try (QmpMux m = QmpMux.connect(serve(EVENT + GREETING))) {
            assertThat(m.greeting().path("QMP").path("version").path("qemu").path("major").asInt()).isEqualTo(9);
        }
    }

    @Test
    void aFirstLineThatIsNeitherEventNorGreetingIsRefusedByName() throws Exception {
        String address = serve("{\"return\":{}}\n" + GREETING);
        assertThatThrownBy(() -> QmpClient.connect(address)).isInstanceOf(IOException.class)
                .hasMessage("QMP " + address + ": not a QMP greeting: {\"return\":{}}");
        String again = serve("SSH-2.0-OpenSSH_9.2\n");
        assertThatThrownBy(() -> QmpMux.connect(again)).isInstanceOf(IOException.class)
                .hasMessage("QMP " + again + ": not JSON: SSH-2.0-OpenSSH_9.2");
        // A peer's text reaches a log and a terminal: its control characters are escaped.
        String hostile = serve("{\"event\":\"X\"}\n{\"x\":\"\u001b]0;owned\u0007\"}\n");
        assertThatThrownBy(() -> QmpClient.connect(hostile)).isInstanceOf(IOException.class)
                .hasMessage("QMP " + hostile + ": not JSON: {\"x\":\"\\x1b]0;owned\\x07\"}")
                .message().doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void eventsWithoutEndBeforeAGreetingAreNotQemu() throws Exception {
        String address = serve(EVENT.repeat(QmpLines.MAX_EVENTS_BEFORE_GREETING + 1) + GREETING);
        assertThatThrownBy(() -> QmpClient.connect(address)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("QMP " + address + ": not a QMP greeting: {\"timestamp\"");
        String fewer = serve(EVENT.repeat(QmpLines.MAX_EVENTS_BEFORE_GREETING) + GREETING);
        QmpClient.connect(fewer).close();
    }

    /**
     * Listens on a fresh socket for one client: sends {@code first}, then answers every command
     * as QEMU would answer qmp_capabilities and query-status.
     */
    private String serve(String first) throws IOException, InterruptedException {
        stopPeer();
        Path socket = dir.resolve("qmp-" + System.nanoTime() + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        peer = new Thread(() -> {
            try (server; SocketChannel ch = server.accept()) {
                write(ch, first);
                ByteBuffer in = ByteBuffer.allocate(4096);
                StringBuilder line = new StringBuilder();
                while (ch.read(in) >= 0) {
                    in.flip();
                    while (in.hasRemaining()) {
                        char c = (char) in.get();
                        if (c != '\n') {
                            line.append(c);
                            continue;
                        }
                        write(ch, line.indexOf("query-status") >= 0
                                ? "{\"return\":{\"status\":\"running\",\"running\":true}}\n" : "{\"return\":{}}\n");
                        line.setLength(0);
                    }
                    in.clear();
                }
            } catch (IOException e) {
                // the client left
            }
        }, "scripted qmp peer");
        peer.setDaemon(true);
        peer.start();
        return "unix:" + socket;
    }

    private static void write(SocketChannel ch, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
