package io.vncstream.gateway.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A {@code file:} device on a real file: what is there, what is appended, and a rotated (truncated) file from its start. */
class FileBackendTest {
    @TempDir
    Path dir;

    @Test
    void followsAppendsAndReadsATruncatedFileAgainFromItsStart() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "first line\n");
        try (DeviceConnection c = new FileBackend(log).open()) {
            assertThat(read(c)).isEqualTo("first line\n");
            Files.writeString(log, "second\n", StandardOpenOption.APPEND);
            assertThat(read(c)).isEqualTo("second\n");
            Files.writeString(log, "new\n");
            assertThat(read(c)).isEqualTo("new\n");
        }
    }

    private static String read(DeviceConnection c) {
        byte[] buffer = new byte[1024];
        int n = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> c.read(buffer));
        return new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }
}
