package io.vncstream.rfb.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The test kit's tiny VM does what the QEMU tests rely on. The VM boots once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TinyVmTest {
    TinyVm vm;

    @BeforeAll
    void boot() throws Exception {
        long start = System.nanoTime();
        vm = TinyVm.boot();
        System.out.printf("%s: init marker after %d ms, shell after %d ms (boot() returned after %d ms)%n", vm,
                vm.timeToMarker().toMillis(), vm.timeToShell().toMillis(), (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theSerialShellRunsCommands() throws Exception {
        assertThat(vm.serialOutput()).contains(TinyVmImage.MARKER);
        String out = vm.run("echo $((6*7)); uname -s", Duration.ofSeconds(10));
        assertThat(out).contains("\n42\r").contains("\nLinux\r");
    }

    @Test
    void textPrintedOnTheConsoleShowsInTheScreendump() throws Exception {
        BufferedImage before = vm.waitUntilScreenStable(Duration.ofMillis(500), Duration.ofSeconds(30));
        BufferedImage after = vm.showOnScreen("tiny vm test kit " + System.nanoTime());
        assertThat(PixelDiff.describe(before, after, PixelDiff.EXACT)).isNotNull();
        assertThat(PixelDiff.distinctColours(after)).isGreaterThan(1);
    }

    @Test
    void chardevsAreHotPluggedAndRemoved() throws Exception {
        assertThat(vm.queryChardev()).contains("\"label\": \"" + TinyVm.SERIAL_ID + "\"")
                .contains(vm.serialSocket().toString());
        java.nio.file.Path socket = vm.chardevAdd("kit1");
        assertThat(vm.queryChardev()).contains("\"label\": \"kit1\"").contains(socket.toString());
        vm.chardevRemove("kit1");
        assertThat(vm.queryChardev()).doesNotContain("\"label\": \"kit1\"");
    }

    /** QEMU sends events (a VNC client came and went) between a command and its answer. */
    @Test
    void eventsAreNotTakenForAnswers() throws Exception {
        int seen = vm.qmp().events().size();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", vm.vncPort())) {
            assertThat(new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII))
                    .startsWith("RFB 003.");
        }
        // Screendumps (whose PPM must be whole) until the events have come in between.
        Eventually.await(Duration.ofSeconds(10), "QEMU reports the VNC connection", () -> {
            assertThat(vm.screendump().getWidth()).isPositive();
            return vm.qmp().events().stream().skip(seen).anyMatch(e -> e.contains("\"VNC_DISCONNECTED\""));
        });
    }

    /** The kit talks QMP on QEMU's stdio, so the socket monitor is free for the program under test. */
    @Test
    void theQmpSocketIsFreeForAClientUnderTest() throws Exception {
        try (QmpConnection other = QmpConnection.connect(vm.qmpSocket(), Duration.ofSeconds(10))) {
            String chardevs = other.executeOk("{\"execute\":\"query-chardev\"}");
            assertThat(chardevs).contains(vm.qmpSocket().toString()).contains("\"filename\": \"stdio\"");
            assertThat(vm.queryChardev()).isEqualTo(chardevs);
        }
    }
}
