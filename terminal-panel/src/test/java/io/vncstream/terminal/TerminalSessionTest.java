package io.vncstream.terminal;

import io.vncstream.terminal.log.LogAnnotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.vncstream.terminal.TestSessions.feed;
import static io.vncstream.terminal.TestSessions.settle;
import static org.assertj.core.api.Assertions.assertThat;

class TerminalSessionTest {
    @TempDir
    Path logDir;

    @Test
    void theLogFileIsNamedAfterDeviceAndTimeAndHoldsExactlyTheBytesReceived() throws Exception {
        Random random = new Random(42);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (TerminalSession session = TestSessions.create(logDir, 80, 24)) {
            session.attach(bytes -> { });
            for (int i = 0; i < 300; i++) {
                byte[] chunk = new byte[random.nextInt(3000)];
                random.nextBytes(chunk);
                all.writeBytes(chunk);
                session.accept(chunk, 0, chunk.length);
            }
            settle(session);
            assertThat(session.log()).isEqualTo(logDir.resolve("ttyS0-20260304-050607.log"));
            // Flushed as soon as the terminal caught up, without closing.
            assertThat(Files.readAllBytes(session.log())).isEqualTo(all.toByteArray());
        }
        assertThat(Files.readAllBytes(logDir.resolve("ttyS0-20260304-050607.log"))).isEqualTo(all.toByteArray());
    }

    @Test
    void outputBeyondTheScrollbackStaysInTheLog() throws Exception {
        TerminalOptions options = TerminalOptions.defaults().columns(40).rows(5).scrollbackLines(10).logDirectory(logDir);
        StringBuilder all = new StringBuilder();
        try (TerminalSession session = new TerminalSession("dev", options, TestSessions.FIXED_CLOCK, Runnable::run)) {
            for (int i = 0; i < 1000; i++) {
                String line = "line " + i + "\r\n";
                all.append(line);
                feed(session, line);
            }
            settle(session);
            // The scrollback keeps its 10 lines plus at most one trimming batch (64 lines).
            assertThat(session.engine().historyLines().size()).isBetween(10, 10 + 64);
            assertThat(Files.readString(session.log())).isEqualTo(all.toString());
        }
    }

    @Test
    void typedInputGoesToTheSinkAsIsAndIsMarkedInTheLogWhenTheUserAsks() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        try (TerminalSession session = TestSessions.create(logDir, 80, 24)) {
            session.attach(sent::add);
            session.send("secret\r".getBytes(StandardCharsets.US_ASCII)); // not stored: the default
            session.sessionLog().recordInput(true);
            assertThat(session.send("ls\r".getBytes(StandardCharsets.US_ASCII))).isEqualTo(InputResult.SENT);
            feed(session, "ls\r\n");
            settle(session);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1)).isEqualTo("ls\r".getBytes(StandardCharsets.US_ASCII));
            String log = Files.readString(session.log(), StandardCharsets.ISO_8859_1);
            assertThat(log).isEqualTo(new String(LogAnnotations.encode(LogAnnotations.SENT,
                    "ls\r".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.ISO_8859_1) + "ls\r\n");
            // And no local echo: only what the device sent is on screen.
            assertThat(session.engine().screenLines().get(0)).isEqualTo("ls");
        }
    }

    @Test
    void readOnlyDropsInput() {
        List<byte[]> sent = new ArrayList<>();
        try (TerminalSession session = TestSessions.create(logDir, 80, 24)) {
            session.attach(sent::add);
            session.setReadOnly(true);
            assertThat(session.send(new byte[] {'x'})).isEqualTo(InputResult.DROPPED_READ_ONLY);
            session.setReadOnly(false);
            assertThat(session.send(new byte[] {'y'})).isEqualTo(InputResult.SENT);
            assertThat(sent).containsExactly(new byte[] {'y'});
        }
    }

    @Test
    void streamEndIsShownAndReportedAndAReconnectKeepsTheScrollback() throws Exception {
        List<String> statuses = new ArrayList<>();
        TerminalOptions options = TerminalOptions.defaults().columns(60).rows(4).logDirectory(logDir);
        try (TerminalSession session = new TerminalSession("dev", options, TestSessions.FIXED_CLOCK, Runnable::run)) {
            session.addStatusListener((status, reason) -> statuses.add(status + ":" + reason));
            session.attach(bytes -> { });
            for (int i = 0; i < 10; i++) {
                feed(session, "first " + i + "\r\n");
            }
            session.streamEnded("connection reset");
            settle(session);
            assertThat(session.status()).isEqualTo(StreamStatus.ENDED);
            assertThat(session.send(new byte[] {'x'})).isEqualTo(InputResult.DROPPED_NOT_CONNECTED);
            assertThat(String.join("\n", session.engine().screenLines())).contains("[stream ended: connection reset]");

            List<byte[]> sent = new ArrayList<>();
            session.attach(sent::add);
            session.markGap("--- reconnected; output in between may be lost ---");
            feed(session, "second\r\n");
            settle(session);
            assertThat(session.send(new byte[] {'z'})).isEqualTo(InputResult.SENT);
            assertThat(sent).hasSize(1);
            List<String> everything = new ArrayList<>(session.engine().historyLines());
            everything.addAll(session.engine().screenLines());
            assertThat(everything).contains("first 0", "first 9",
                    " [stream ended: connection reset]",
                    " --- reconnected; output in between may be lost ---", "second");
            // Each note on a line of its own, with no blank line around it.
            assertThat(everything.subList(everything.indexOf("first 9"), everything.indexOf("second") + 1))
                    .containsExactly("first 9", " [stream ended: connection reset]",
                            " --- reconnected; output in between may be lost ---", "second");
            assertThat(statuses).containsExactly("CONNECTED:", "ENDED:connection reset", "CONNECTED:");
        }
    }

    @Test
    void reconnectKeepsEveryScrollbackLineAndPutsTheGapMarkerBeforeTheNewOutput() throws Exception {
        TerminalOptions options = TerminalOptions.defaults().columns(60).rows(4).scrollbackLines(500).logDirectory(logDir);
        try (TerminalSession session = new TerminalSession("dev", options, TestSessions.FIXED_CLOCK, Runnable::run)) {
            session.attach(bytes -> { });
            for (int i = 0; i < 200; i++) {
                feed(session, "old " + i + "\r\n");
            }
            // The old stream breaks in the middle of a line and of an escape sequence.
            feed(session, "half a line \u001b[1;3");
            settle(session);
            List<String> before = session.engine().historyLines();
            assertThat(before).hasSizeGreaterThan(190);

            List<byte[]> sent = new ArrayList<>();
            // No streamEnded() first: the host may only learn of the break when it reconnects.
            session.reconnect(sent::add, "reconnected after 3 s; output in between may be lost");
            feed(session, "new 0\r\n");
            settle(session);

            List<String> everything = new ArrayList<>(session.engine().historyLines());
            everything.addAll(session.engine().screenLines());
            // Nothing of the old output was lost, and it is still in its place.
            assertThat(everything.subList(0, before.size())).isEqualTo(before);
            int gap = everything.indexOf(" reconnected after 3 s; output in between may be lost");
            assertThat(gap).isPositive();
            assertThat(everything.get(gap - 1)).isEqualTo("half a line");
            assertThat(everything.get(gap + 1)).isEqualTo("new 0");
            assertThat(session.status()).isEqualTo(StreamStatus.CONNECTED);
            assertThat(session.send(new byte[] {'q'})).isEqualTo(InputResult.SENT);
            assertThat(sent).hasSize(1);
            // The log has the gap too, in the plain-text export.
            assertThat(io.vncstream.terminal.log.LogExport.strippedText(session.sessionLog()))
                    .contains("half a line \nreconnected after 3 s").endsWith("new 0\n");
        }
    }

    @Test
    void aCharacterSplitAcrossAStreamEndIsNotGluedToTheNextStream() throws Exception {
        try (TerminalSession session = TestSessions.create(logDir, 40, 4)) {
            session.attach(bytes -> { });
            byte[] partial = "\u4e2d".getBytes(StandardCharsets.UTF_8);
            session.accept(partial, 0, 2);
            session.streamEnded("gone");
            session.attach(bytes -> { });
            feed(session, "ok");
            settle(session);
            assertThat(String.join("\n", session.engine().screenLines())).contains("\uFFFD").contains("ok");
        }
    }
}
