package io.vncstream.terminal.demo;

import io.vncstream.terminal.StreamStatus;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's pretend device: echo, and its "reconnect" command that plays a broken stream. */
class EchoDeviceTest {
    @TempDir
    Path logDir;

    @Test
    void echoesTypingAndItsReconnectCommandBreaksAndReattachesTheStream() throws Exception {
        try (TerminalSession session = TestSessions.create(logDir, 70, 10)) {
            List<StreamStatus> statuses = new ArrayList<>();
            session.addStatusListener((status, reason) -> statuses.add(status));
            EchoDevice device = new EchoDevice(session);
            session.attach(device);
            device.start("banner\r\n");
            device.send("hi\r".getBytes(StandardCharsets.US_ASCII));
            device.send("reconnect\r".getBytes(StandardCharsets.US_ASCII));
            device.send("x".getBytes(StandardCharsets.US_ASCII));
            // The device answers on its own thread; "x" comes after the reconnect.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!String.join("\n", session.engine().screenLines()).contains("$ x")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            TestSessions.settle(session);
            assertThat(session.engine().screenLines()).containsSubsequence(
                    "banner",
                    "you typed: hi   (try: seq, colors, reconnect)",
                    "connection going down mid-line",
                    " [stream ended: demo: connection dropped]",
                    " reconnected after 2 s; output in between may be lost");
            assertThat(String.join("\n", session.engine().screenLines())).contains("$ x");
            assertThat(statuses).containsExactly(StreamStatus.CONNECTED, StreamStatus.ENDED, StreamStatus.CONNECTED);
        }
    }
}
