package io.vncstream.gateway;

import io.vncstream.gateway.load.LightViewer;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.RfbInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, defect 3: 40 viewers each announce a 16 MiB ClientCutText and send only a little of
 * it, to a gateway with a 96 MiB heap. Nothing may be allocated for what has not arrived (the
 * gateway stays healthy and serves a new viewer), and each body that stops is cut off after the
 * message deadline, with that reason in the log and no stack trace.
 */
class CutTextFloodTest {
    private static final int FLOODERS = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void announcedCutTextsCostOnlyWhatArrivesAndStalledOnesAreCut() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(dir,
                List.of("-Xmx96m", "-XX:+UseSerialGC", "-Dvncstream.gateway.messageTimeoutMs=3000"), "--demo")) {
            List<Socket> flooders = new ArrayList<>();
            try {
                for (int i = 0; i < FLOODERS; i++) {
                    Socket s = new Socket("127.0.0.1", gateway.port);
                    flooders.add(s);
                    new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(), new ClientConfig(), "gateway").run();
                    byte[] header = {6, 0, 0, 0, 0x01, 0, 0, 0};
                    s.getOutputStream().write(header);
                    s.getOutputStream().write(new byte[1000]);
                    s.getOutputStream().flush();
                }
                try (LightViewer v = new LightViewer(gateway.port)) {
                    assertThat(v.disconnected()).isNull();
                }
                for (Socket s : flooders) {
                    assertThat(closedWithin(s, 15_000)).as("a stalled cut text is cut off").isTrue();
                }
            } finally {
                for (Socket s : flooders) {
                    s.close();
                }
            }
            // The gateway closes a session's socket before it logs why: the last lines may
            // still be on their way when the last socket is seen closed.
            String cut = "sent part of a message and then nothing for 3 s";
            String log = gateway.logText();
            for (long end = System.nanoTime() + 5_000_000_000L;
                 log.split(cut, -1).length < FLOODERS + 1 && System.nanoTime() < end; log = gateway.logText()) {
                Thread.sleep(50);
            }
            assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("out of memory").doesNotContain("\tat ");
            // Every flooder was held until its deadline, none cut short by memory running out.
            assertThat(log.split(cut, -1)).hasSize(FLOODERS + 1);
        }
    }

    /** Reads (what the gateway still sends: the demo's frames) until the end of the stream. */
    private static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
