package io.vncstream.gateway;

import io.vncstream.gateway.load.LightViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, defect 15 and the fault test "gateway SIGTERM": viewers are told their consoles end, and the gateway exits 0. */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void sigtermEndsEveryCaptureThenExitsCleanly() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(dir, List.of("-Xmx128m"), "--demo")) {
            try (LightViewer a = new LightViewer(gateway.port); LightViewer b = new LightViewer(gateway.port)) {
                StreamViewer.Output shell = new StreamViewer.Output();
                StreamViewer.Output log = new StreamViewer.Output();
                a.capture("serial0", shell);
                b.capture("log0", log);
                shell.await(t -> !t.isEmpty(), Duration.ofSeconds(10));
                gateway.process.destroy(); // SIGTERM
                assertThat(gateway.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(gateway.process.exitValue()).isZero();
                shell.awaitEnded(Duration.ofSeconds(5));
                log.awaitEnded(Duration.ofSeconds(5));
                // An end capture from the server, not the connection's end taking the capture with it.
                assertThat(shell.endedReason).as("viewer a's serial0; the gateway's log:%n%s", gateway.logText())
                        .isEqualTo("capture ended by the server");
                assertThat(log.endedReason).as("viewer b's log0; the gateway's log:%n%s", gateway.logText())
                        .isEqualTo("capture ended by the server");
                await(Duration.ofSeconds(5), "viewer a saw the end", () -> a.disconnected() != null);
            }
            assertThat(gateway.logText()).contains("gateway shutting down");
        }
    }
}
