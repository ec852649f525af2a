package io.vncstream.gateway;

import io.vncstream.rfb.stream.StartCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, defects 8 and 14 (timestamps): device names a viewer asks for reach the gateway's
 * log escaped (no forged lines, no terminal escapes), a flood of refused captures costs less log
 * than it costs the viewer to send, and every log line says when.
 */
class LogInjectionTest {
    private static final String FORGED = "2026-01-01T00:00:00.000Z [main] INFO io.vncstream.gateway.Gateway - forged";

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void refusedDeviceNamesAreEscapedAndSummarised() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(dir, List.of("-Xmx128m", "-XX:+UseSerialGC"), "--demo")) {
            ByteArrayOutputStream flood = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                flood.writeBytes(new StartCapture("x\n" + FORGED + "\u001b[31m" + (i % 10)).toBytes());
            }
            await(Duration.ofSeconds(10), "the gateway's start-up is logged", () -> gateway.logText().contains("listening on"));
            long before = Files.size(gateway.log);
            try (RawViewer v = RawViewer.connect(gateway.port)) {
                v.setEncodingsWithStreams();
                v.send(flood.toByteArray());
                v.send(new StartCapture("serial0").toBytes());
                await(Duration.ofSeconds(20), "the gateway reached the last request",
                        () -> gateway.logText().matches("(?s).*capture 1 of \"?serial0\"? started.*"));
            }
            // Summarised when its session ends (the start-up probe's own connection ends earlier).
            await(Duration.ofSeconds(10), "the held-back refusals are summarised",
                    () -> gateway.logText().contains("more refused capture requests"));
            String log = gateway.logText();
            long grown = Files.size(gateway.log) - before;
            System.out.printf("1000 refused start-captures (%d bytes sent) grew the log by %d bytes%n", flood.size(), grown);
            assertThat(log).doesNotContain("\u001b");
            for (String line : log.split("\n")) {
                assertThat(line).doesNotStartWith(FORGED);
                assertThat(line).as("a timestamped line").containsPattern("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            }
            assertThat(log).contains("\"x\\n" + FORGED + "\\x1b[31m0\"");
            assertThat(log).contains("more refused capture requests");
            assertThat(grown).isLessThan(flood.size() / 4);
        }
    }
}
