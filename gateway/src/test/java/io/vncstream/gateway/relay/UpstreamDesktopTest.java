package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.client.ServerAddress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway logs a viewer's disconnection with this reason: it must say that the upstream failed, and which. */
class UpstreamDesktopTest {
    private static final MessageSink NOWHERE = new MessageSink() {
        @Override
        public void send(byte[] message) {
        }

        @Override
        public void close(String reason) {
        }
    };

    @Test
    void aRefusedUpstreamIsNamedInTheError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ServerAddress address = ServerAddress.tcp("127.0.0.1", port);
        assertThatThrownBy(() -> new UpstreamDesktop(address, null).open(NOWHERE, true))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("upstream " + address + ": ")
                .hasMessageEndingWith("connection refused by 127.0.0.1 port " + port);
    }

    @Test
    void aMissingUnixSocketIsNamedInTheError(@org.junit.jupiter.api.io.TempDir Path dir) {
        ServerAddress address = ServerAddress.parse("unix:" + dir.resolve("vnc.sock"));
        assertThatThrownBy(() -> new UpstreamDesktop(address, null).open(NOWHERE, true))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("upstream " + address + ": ");
    }
}
