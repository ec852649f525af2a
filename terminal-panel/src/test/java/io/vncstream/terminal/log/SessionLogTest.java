package io.vncstream.terminal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void defaultDirectoryFollowsXdgStateHome() {
        assertThat(LogDirectories.resolve("/var/state", "/home/u")).isEqualTo(Paths.get("/var/state/vncstream/logs"));
        assertThat(LogDirectories.resolve(null, "/home/u")).isEqualTo(Paths.get("/home/u/.local/state/vncstream/logs"));
        assertThat(LogDirectories.resolve("", "/home/u")).isEqualTo(Paths.get("/home/u/.local/state/vncstream/logs"));
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        assertThat(LogDirectories.resolve("rel", "/home/u")).isEqualTo(Paths.get("/home/u/.local/state/vncstream/logs"));
    }

    @Test
    void fileNamesAreDeviceAndTimestampAndDeviceNamesAreMadeSafe() {
        assertThat(LogNames.fileName("serial0", java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5)))
                .isEqualTo("serial0-20260102-030405.log");
        assertThat(LogNames.safeDevice("../etc/passwd")).isEqualTo("__etc_passwd");
        assertThat(LogNames.safeDevice("")).isEqualTo("terminal");
    }

    @Test
    void twoLogsOfOneDeviceInOneSecondGetDistinctFiles() {
        try (SessionLog first = SessionLog.open(dir.resolve("new/sub"), "dev", CLOCK, 1024);
             SessionLog second = SessionLog.open(dir.resolve("new/sub"), "dev", CLOCK, 1024)) {
            assertThat(first.path().getFileName()).hasToString("dev-20260102-030405.log");
            assertThat(second.path().getFileName()).hasToString("dev-20260102-030405-1.log");
            assertThat(first.fileAvailable()).isTrue();
        }
    }

    @Test
    void withoutAWritableDirectoryTheLogKeepsItsTailInMemory() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (SessionLog log = SessionLog.open(notADirectory.resolve("logs"), "dev", CLOCK, 8)) {
            assertThat(log.fileAvailable()).isFalse();
            byte[] bytes = "0123456789abc\n".getBytes(StandardCharsets.US_ASCII);
            log.received(bytes, 0, bytes.length);
            SessionLog.LogContent content = log.content();
            assertThat(content.stream().readAllBytes()).isEqualTo("6789abc\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(content.startOffset()).isEqualTo(6);
        }
    }

    @Test
    void theTempExportIsAFileNamedAfterTheDeviceHoldingTheStrippedLog() throws Exception {
        try (SessionLog log = SessionLog.open(dir, "ttyS1", CLOCK, 1024)) {
            byte[] bytes = "\u001b[32mgreen\u001b[0m\r\nnext\r\n".getBytes(StandardCharsets.US_ASCII);
            log.received(bytes, 0, bytes.length);
            log.sent("typed".getBytes(StandardCharsets.US_ASCII));
            Path exported = LogExport.writeTempFile(log, CLOCK);
            assertThat(exported.getFileName()).hasToString("ttyS1-20260102-030405.log");
            assertThat(Files.readString(exported)).isEqualTo("green\nnext\n");
            // The raw log keeps the escapes and marks what was sent.
            assertThat(Files.readString(log.path(), StandardCharsets.ISO_8859_1))
                    .startsWith("\u001b[32mgreen").contains("\u001b]7777;sent;");
        }
    }
}
