package io.vncstream.terminal.log;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
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
        try (SessionLog log = SessionLog.open(dir, "ttyS1", CLOCK, 1024, new LogSettings(true, 30, 0))) {
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

    @Nested
    class Privacy {
        @Test
        void theDirectoryAndTheLogAreTheOwnersOnly() throws Exception {
            Path logs = dir.resolve("state/vncstream/logs");
            try (SessionLog log = SessionLog.open(logs, "ttyS0", CLOCK, 1024)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.path()))).isEqualTo("rw-------");
            }
        }

        @Test
        void aDirectoryAndLogsMadeBeforeAreMadeTheOwnersOnly() throws Exception {
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path old = Files.writeString(logs.resolve("serial0-20251230-101010.log"), "old output");
            Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
            try (SessionLog log = SessionLog.open(logs, "serial0", CLOCK, 1024)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
            }
        }

        @Test
        void typedInputIsNotStoredUnlessTheUserTurnsItOn() throws Exception {
            byte[] prompt = "Password: ".getBytes(StandardCharsets.US_ASCII);
            byte[] password = "hunter2\r".getBytes(StandardCharsets.US_ASCII);
            try (SessionLog log = SessionLog.open(dir, "ttyS0", CLOCK, 1024)) {
                log.received(prompt, 0, prompt.length);
                log.sent(password);
                log.flush();
                assertThat(Files.readString(log.path(), StandardCharsets.ISO_8859_1)).isEqualTo("Password: ");
                assertThat(log.content().stream().readAllBytes()).isEqualTo(prompt);

                log.recordInput(true);
                log.sent(password);
                log.flush();
                assertThat(Files.readString(log.path(), StandardCharsets.ISO_8859_1))
                        .isEqualTo("Password: " + new String(LogAnnotations.encode(LogAnnotations.SENT, password),
                                StandardCharsets.US_ASCII));
            }
        }
    }

    @Nested
    class Pruning {
        private Path log(String name, int daysOld, int bytes) throws Exception {
            Path p = Files.write(dir.resolve(name), new byte[bytes]);
            Files.setLastModifiedTime(p, FileTime.from(CLOCK.instant().minus(Duration.ofDays(daysOld))));
            return p;
        }

        @Test
        void logsOlderThanTheLimitAreDeleted() throws Exception {
            Path old = log("a-20251101-000000.log", 31, 10);
            Path recent = log("a-20251210-000000.log", 29, 10);
            Path notALog = log("notes.txt", 400, 10);
            try (SessionLog log = SessionLog.open(dir, "a", CLOCK, 1024, new LogSettings(false, 30, 0))) {
                assertThat(old).doesNotExist();
                assertThat(recent).exists();
                assertThat(notALog).as("only logs are pruned").exists();
                assertThat(log.path()).exists();
            }
        }

        @Test
        void theOldestLogsGoUntilTheRestFitTheTotal() throws Exception {
            Path oldest = log("b-1.log", 5, 600);
            Path middle = log("b-2.log", 4, 600);
            Path newest = log("b-3.log", 3, 600);
            // 1500 bytes in all: the two newest (1200) fit, the oldest goes.
            assertThat(LogFiles.prune(dir, new LogSettings(false, 0, 1500), CLOCK, null)).isEqualTo(1);
            assertThat(oldest).doesNotExist();
            assertThat(middle).exists();
            assertThat(newest).exists();
        }

        @Test
        void theDefaultsAreThirtyDaysAndFiveHundredMebibytesAndNoInput() {
            assertThat(LogSettings.DEFAULTS).isEqualTo(new LogSettings(false, 30, 500L * 1024 * 1024));
            java.util.Properties p = new java.util.Properties();
            new LogSettings(true, 7, 64L * 1024 * 1024).store(p);
            assertThat(LogSettings.load(p)).isEqualTo(new LogSettings(true, 7, 64L * 1024 * 1024));
            p.setProperty("log.maxAgeDays", "-3");
            assertThat(LogSettings.load(p).maxAgeDays()).as("a bad value falls back to the default").isEqualTo(30);
        }
    }
}
