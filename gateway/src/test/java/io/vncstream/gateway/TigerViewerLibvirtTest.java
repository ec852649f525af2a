package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Ppm;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TigerVNC's {@code vncviewer}, on an Xvfb of its own, through
 * {@code vncstream-gateway --libvirt qemu:///system --domain DOMAIN}: the picture in its window
 * ({@code xwd -id}) is the domain's screen as {@code virsh screenshot} has it, pixel for pixel.
 * Lossless encodings are asked for (no JPEG), since the comparison is exact, and the log stays at
 * level 30: from 100 on, vncviewer draws its statistics graph over the picture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TigerViewerLibvirtTest {
    private static final Duration TOOL = Duration.ofSeconds(30);

    private LibvirtTestDomain vm;
    private Gateway gateway;
    private Path dir;
    private Process viewer;

    @BeforeAll
    void start() throws Exception {
        TestPeers.requireProgram("vncviewer", "tigervnc-viewer");
        TestPeers.requireProgram("xvfb-run", "xvfb");
        TestPeers.requireProgram("xwd", "x11-apps");
        TestPeers.requireProgram("xdotool", "xdotool");
        TestPeers.requireProgram("convert", "imagemagick");
        vm = LibvirtTestDomain.boot();
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--libvirt", vm.uri(), "--domain", vm.name());
        dir = Files.createTempDirectory("tiger-libvirt");
    }

    @AfterAll
    void stop() {
        if (viewer != null) {
            Processes.killTree(viewer.toHandle());
        }
        if (gateway != null) {
            gateway.close();
            gateway.registry().removeAll();
        }
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    @Test
    void vncviewersWindowShowsWhatVirshScreenshotShows() throws Exception {
        // xvfb-run says where its display is (and its cookie) in a file, for xdotool and xwd.
        Path where = dir.resolve("display.txt");
        Path log = dir.resolve("vncviewer.log");
        viewer = Processes.start(Map.of("HOME", dir.toString()), dir, log, List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                "sh", "-c", "echo \"$DISPLAY $XAUTHORITY\" > '" + where + "'; exec vncviewer -Log '*:stderr:30'"
                        + " -AutoSelect=0 -FullColor=1 -NoJPEG=1 -PreferredEncoding=ZRLE -RemoteResize=0 -Shared=1"
                        + " 127.0.0.1::" + gateway.port()));
        try {
            Eventually.await(Duration.ofSeconds(90), "vncviewer has the desktop",
                    () -> Files.readString(log).contains("Using pixel format") || !viewer.isAlive());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + Processes.tail(log), e);
        }
        assertThat(viewer.isAlive()).as("vncviewer runs: %s", Processes.tail(log)).isTrue();
        String[] x = Files.readString(where).strip().split(" ");
        Map<String, String> env = Map.of("DISPLAY", x[0], "XAUTHORITY", x[1]);
        java.util.concurrent.atomic.AtomicReference<String> found = new java.util.concurrent.atomic.AtomicReference<>();
        Eventually.await(Duration.ofSeconds(30), "vncviewer's window", () -> {
            Processes.Result r = Processes.run(TOOL, env, dir, List.of("xdotool", "search", "--onlyvisible", "--name", "TigerVNC"));
            r.output().lines().filter(l -> l.strip().matches("\\d+")).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        String window = found.get();
        // The guest's console may still print: compare again until a screenshot and the window
        // before and after it agree.
        String last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Thread.sleep(1000);
            BufferedImage before = windowPicture(env, window, "before" + attempt);
            Path ref = dir.resolve("ref" + attempt + ".img");
            LibvirtTestDomain.virsh("screenshot", vm.name(), ref.toString());
            BufferedImage expected = screenshot(ref);
            Thread.sleep(500); // what the gateway relays takes a moment to reach the window
            BufferedImage after = windowPicture(env, window, "after" + attempt);
            assertThat(PixelDiff.distinctColours(expected)).as("the domain's screen shows something").isGreaterThan(1);
            last = PixelDiff.describe(expected, after, PixelDiff.EXACT);
            if (last == null && PixelDiff.describe(before, after, PixelDiff.EXACT) == null) {
                return;
            }
        }
        // Kept for a look at what differs.
        Path keep = Files.createDirectories(Path.of("target", "tiger-libvirt"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, keep.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        throw new AssertionError("vncviewer's window vs virsh screenshot: " + last + " (pictures in " + keep.toAbsolutePath() + ")");
    }

    /** The window's contents, as the X server has them ({@code xwd -id}, through ImageMagick to RGB PNG). */
    private BufferedImage windowPicture(Map<String, String> env, String window, String name) throws Exception {
        Path xwd = dir.resolve(name + ".xwd");
        Path png = dir.resolve(name + ".png");
        Processes.check(TOOL, env, dir, "xwd", "-id", window, "-silent", "-out", xwd.toString());
        // PNG24: an all-grey picture would otherwise be a grey PNG, which ImageIO reads as linear grey.
        Processes.check(TOOL, Map.of(), dir, "convert", "xwd:" + xwd, "PNG24:" + png);
        return PixelDiff.read(png);
    }

    /** What virsh screenshot wrote: PNG where QEMU can (libvirt 9), else PPM. */
    private static BufferedImage screenshot(Path file) throws IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            boolean ppm = in.read(head) == 2 && head[0] == 'P' && head[1] == '6';
            return ppm ? Ppm.read(file) : PixelDiff.read(file);
        }
    }
}
