package io.vncstream.viewer.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, defect 4: a server that drips its version one byte every 5 s made
 * {@code snapshot --timeout 10} hang past 20 s, each byte arriving inside the read timeout. The
 * handshake now has one deadline, the connect timeout (10 s by default), for the whole of it.
 */
class SnapshotHandshakeDeadlineTest {
    @Test
    void aServerDrippingItsVersionIsGivenUpOnAtTheConnectTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    OutputStream out = s.getOutputStream();
                    for (byte b : "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(5000);
                    }
                } catch (IOException | InterruptedException closedByTheClient) {
                    // the client gave up, as it should
                }
            });
            Path out = Files.createTempFile("drip", ".png");
            try {
                Cli.Outcome r = Cli.snapshot("127.0.0.1::" + listener.getLocalPort(), out, "--timeout", "10");
                assertThat(r.exitCode()).isEqualTo(1);
                assertThat(r.errLines()).containsExactly(
                        "vncstream snapshot: timed out: the server did not complete the handshake within 10 s");
                assertThat(r.millis()).as("ended at the 10 s deadline, not after 60 s of dripping")
                        .isBetween(9_500L, 14_000L);
            } finally {
                Files.deleteIfExists(out);
                server.cancel(true);
            }
        }
    }
}
