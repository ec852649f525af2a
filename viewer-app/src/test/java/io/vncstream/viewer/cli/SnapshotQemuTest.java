package io.vncstream.viewer.cli;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.StillScreen;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream snapshot} of a tiny real VM's screen, served by QEMU's own VNC server: the
 * PNG must be what QMP {@code screendump} says the VM shows. The VM boots once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotQemuTest {
    TinyVm vm;
    Path dir;

    @BeforeAll
    void bootVm() throws Exception {
        long start = System.nanoTime();
        vm = TinyVm.boot();
        // Text of our own on the VGA console, below the kernel log: a screen with real content.
        BufferedImage shown = vm.showOnScreen("vncstream snapshot test: QEMU VNC against QMP screendump",
                "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz");
        System.out.printf("%s: init marker after %d ms, shell after %d ms, text shown and screen still after %d ms%n",
                vm, vm.timeToMarker().toMillis(), vm.timeToShell().toMillis(), (System.nanoTime() - start) / 1_000_000);
        assertThat(PixelDiff.distinctColours(shown)).isGreaterThan(1);
        dir = Files.createTempDirectory("snapshot-qemu");
    }

    @AfterAll
    void stopVm() {
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    /**
     * The default encoding list ends with -260, which QEMU reads as TightPNG: were it not last,
     * QEMU would take it as its main encoding and send TightPNG rectangles this client cannot
     * read. Equality with the screendump proves QEMU chose an encoding we decode.
     */
    @Test
    void withTheDefaultEncodingsEqualsTheScreendumpPixelForPixel() throws Exception {
        List<Integer> defaults = new ClientConfig().encodings();
        assertThat(defaults).contains(Encodings.TIGHT_PNG);
        assertThat(defaults.get(defaults.size() - 1)).isEqualTo(Encodings.TIGHT_PNG);
        snapshotEqualsScreendump("default");
    }

    /**
     * Every encoding the command offers. QEMU implements raw, hextile, zlib, zrle and tight; for
     * copyrect and rre it falls back to raw, which is only safe because the list keeps an encoding
     * QEMU knows ahead of -260 (QEMU takes the first one it knows, and -260 is TightPNG to it).
     */
    @ParameterizedTest(name = "--encoding {0}")
    @ValueSource(strings = {"raw", "copyrect", "rre", "hextile", "zlib", "zrle", "tight"})
    void withOneEncodingEqualsTheScreendumpPixelForPixel(String encoding) throws Exception {
        List<Integer> listed = new ClientConfig().onlyEncoding(SnapshotCommand.ENCODINGS.get(encoding)).encodings();
        assertThat(listed.get(listed.size() - 1)).isEqualTo(Encodings.TIGHT_PNG);
        snapshotEqualsScreendump(encoding, "--encoding", encoding);
    }

    /**
     * Screendump, snapshot, screendump: when the two dumps agree the screen did not change
     * during the snapshot, and the snapshot must equal them exactly. The kernel may still print
     * to the console; then try again.
     */
    private void snapshotEqualsScreendump(String name, String... options) throws Exception {
        int[] attempt = {0};
        StillScreen.assertMatchesScreendump(vm, () -> {
            Path png = dir.resolve(name + "-" + ++attempt[0] + ".png");
            Cli.Outcome r = Cli.snapshot(vm.vncAddress(), png, options);
            System.out.println("snapshot " + vm + " " + String.join(" ", options) + ": " + r.millis() + " ms");
            assertThat(r.exitCode()).as("%s\n%s", r, vm.logTail()).isZero();
            return PixelDiff.read(png);
        }, "QEMU VNC, " + name);
    }
}
