package io.vncstream.viewer.cli;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code vncstream console} ends when it is not the one ending: it says why, in one line, and fails. */
class ConsoleEndTest {
    private EmbeddedDemo demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aConsoleWhoseServerGoesAwaySaysTheConnectionWasLostAndExitsNonZero() throws Exception {
        demo = EmbeddedDemo.start(0);
        String address = "127.0.0.1::" + demo.port();
        // stdin ends at once; --timeout would keep it showing output for 30 s more.
        CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Cli.separateProcessWithInput("echo hello\n", "console", address, "serial0", "--timeout", "30");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.await(Duration.ofSeconds(30), "the console captures serial0",
                () -> demo.registry().get("serial0").subscriberCount() == 1);
        Thread.sleep(500);
        demo.close();

        Cli.Outcome r = run.get();
        System.out.println("console after the server went away: " + r);
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        // The demo's gateway shuts down in order: it ends the capture, then the connection. Either
        // is the end of the console, said in one line.
        assertThat(r.errLines().get(0)).as("%s", r).startsWith("vncstream console: serial0: ")
                .containsAnyOf("connection lost", "capture ended by the server");
        assertThat(r.millis()).as("ends when the connection does, not after --timeout").isLessThan(25_000);
        assertThat(r.out()).contains("hello");
    }
}
