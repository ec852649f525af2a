package io.vncstream.terminal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Sessions for tests: logs in a temporary directory, a fixed clock, a wait for the emulator. */
public final class TestSessions {
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    private TestSessions() {
    }

    public static TerminalSession create(Path logDir, int columns, int rows) {
        return new TerminalSession("ttyS0", TerminalOptions.defaults().columns(columns).rows(rows)
                .logDirectory(logDir), FIXED_CLOCK, Runnable::run);
    }

    /** For GUI tests: status listeners on the event thread, as in the application. */
    public static TerminalSession createForGui(Path logDir, int columns, int rows) {
        return new TerminalSession("ttyS0", TerminalOptions.defaults().columns(columns).rows(rows)
                .logDirectory(logDir), FIXED_CLOCK, javax.swing.SwingUtilities::invokeLater);
    }

    public static void feed(TerminalSession session, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        session.accept(bytes, 0, bytes.length);
    }

    /** Waits until the emulator has shown everything accepted so far; fails after 20 s. */
    public static void settle(TerminalSession session) {
        try {
            if (!session.engine().awaitIdle(Duration.ofSeconds(20))) {
                throw new AssertionError("emulator did not catch up within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
