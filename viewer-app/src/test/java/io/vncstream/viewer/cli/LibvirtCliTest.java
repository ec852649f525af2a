package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Ppm;
import io.vncstream.rfb.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot}, {@code devices} and {@code console} with {@code --connect qemu:///system DOMAIN},
 * each the real main in a JVM of its own, against a tiny domain of the system libvirt (booted once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtCliTest {
    private LibvirtTestDomain vm;
    private Path dir;

    @BeforeAll
    void boot() throws Exception {
        vm = LibvirtTestDomain.boot();
        dir = Files.createTempDirectory("libvirt-cli");
    }

    @AfterAll
    void stop() {
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    @Test
    void snapshotEqualsVirshScreenshotPixelForPixel() throws Exception {
        // The kernel log is a still picture once booted; compare again if it was still moving.
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path ref = dir.resolve("ref" + attempt + ".img"); // libvirt 9 writes PNG where QEMU can, else PPM
            Path png = dir.resolve("snap" + attempt + ".png");
            LibvirtTestDomain.virsh("screenshot", vm.name(), ref.toString());
            Cli.Outcome r = Cli.separateProcess("snapshot", "--connect", vm.uri(), vm.name(), png.toString());
            assertThat(r.exitCode()).as("%s", r).isZero();
            BufferedImage expected = readImage(ref);
            assertThat(PixelDiff.distinctColours(expected)).isGreaterThan(1);
            try {
                PixelDiff.assertMatches(expected, PixelDiff.read(png), PixelDiff.EXACT, "snapshot --connect vs virsh screenshot");
                return;
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    /** What virsh screenshot wrote: PNG where QEMU can (libvirt 9), else PPM. */
    static BufferedImage readImage(Path file) throws java.io.IOException {
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            boolean ppm = in.read(head) == 2 && head[0] == 'P' && head[1] == '6';
            return ppm ? Ppm.read(file) : PixelDiff.read(file);
        }
    }

    @Test
    void devicesListsTheAliasesWithTargetNames() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", "--connect", vm.uri(), vm.name());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines()).containsExactly("serial0", "serial1", "channel0\torg.vncstream.test.0");
    }

    @Test
    void aDomainThatDoesNotExistIsOneLineNamingTheOnesThatDo() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", "--connect", vm.uri(), "no-such-vm");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("vncstream devices: no domain 'no-such-vm' on qemu:///system (domains: ").contains(vm.name());
    }

    @Test
    void consoleRunsACommandOnThePtySerial() throws Exception {
        Cli.Outcome r = Cli.separateProcessWithInput("echo $((6*7)); uname -s\r",
                "console", "--connect", vm.uri(), vm.name(), "serial0", "--timeout", "5");
        assertThat(r.exitCode()).as("%s", r).isZero();
        int typed = r.out().lastIndexOf("echo $((6*7)); uname -s");
        assertThat(typed).as("the echo of the typed line in: %s", r.out()).isNotNegative();
        assertThat(r.out().substring(typed)).contains("\r\n42\r\nLinux\r\n");
    }

    @Test
    void consoleRunsACommandOnTheUnixSocketSerial() throws Exception {
        Cli.Outcome r = Cli.separateProcessWithInput("echo $((7*6))y\n",
                "console", "--connect", vm.uri(), vm.name(), "serial1", "--timeout", "5");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("42y");
    }

    @Test
    @Order(5)
    void theGuestAgentsChannelIsListedButTheConsoleOpensItOnlyWithForce() throws Exception {
        vm.attachGuestAgentChannel();
        try {
            Cli.Outcome listed = Cli.separateProcess("devices", "--connect", vm.uri(), vm.name());
            assertThat(listed.out().lines()).as("%s", listed)
                    .contains("channel1\torg.qemu.guest_agent.0 (not opened by default)");
            Cli.Outcome refused = Cli.separateProcessWithInput("", "console", "--connect", vm.uri(), vm.name(), "channel1", "--timeout", "1");
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
            assertThat(refused.errLines()).hasSize(1);
            assertThat(refused.err().strip()).isEqualTo("vncstream console: channel1 is the guest agent's channel (org.qemu.guest_agent.0):"
                    + " libvirt talks to qemu-guest-agent over it, and opening it may disturb them; open it anyway with vncstream console --force");
            Cli.Outcome forced = Cli.separateProcessWithInput("", "console", "--connect", vm.uri(), vm.name(), "channel1", "--force", "--timeout", "1");
            assertThat(forced.err()).as("%s", forced).doesNotContain("guest agent's channel");
            assertThat(forced.exitCode()).as("%s", forced).isZero();
        } finally {
            vm.detachGuestAgentChannel();
        }
    }

    @Test
    @Order(10)
    void anOpenConsoleSurvivesAResetShowingTheNewBootAfterAGapLine() throws Exception {
        survives("reset");
    }

    /** ACPI: the guest powers off on the power button, and libvirt starts it again (a fake reboot). */
    @Test
    @Order(11)
    void anOpenConsoleSurvivesAnAcpiRebootShowingTheNewBootAfterAGapLine() throws Exception {
        String out = survives("reboot");
        assertThat(out.substring(0, out.indexOf("---- serial0: device restarted"))).as("the old boot's end")
                .contains("reboot: Power down");
    }

    /** Runs {@code virsh COMMAND} under an open console; returns what the console printed. */
    private String survives(String command) throws Exception {
        Process p = Cli.start("console", "--connect", vm.uri(), vm.name(), "serial0", "--timeout", "5");
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] b = new byte[4096];
                int n;
                while ((n = in.read(b)) >= 0) {
                    out.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.io.IOException e) {
                // ended
            }
        });
        reader.start();
        try {
            OutputStream in = p.getOutputStream();
            in.write("echo before-$((1+1))\r".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            Eventually.await(Duration.ofSeconds(30), "the console answers: " + out, () -> out.indexOf("before-2") >= 0);
            LibvirtTestDomain.virsh(command, vm.name());
            Eventually.await(Duration.ofSeconds(60), "the gap line: " + out,
                    () -> out.indexOf("---- serial0: device restarted: domain rebooted at ") >= 0);
            int gap = out.indexOf("---- serial0: device restarted");
            Eventually.await(Duration.ofSeconds(150), "the new boot's marker after the gap line",
                    () -> out.indexOf("VNCSTREAM-TINYVM-READY", gap) >= 0);
            Thread.sleep(2000);
            in.write("echo after-$((2*3))\r".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            Eventually.await(Duration.ofSeconds(30), "the new shell answers: " + out.substring(gap), () -> out.indexOf("after-6", gap) >= 0);
            in.close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("console exits after stdin ends").isTrue();
            assertThat(p.exitValue()).isZero();
            return out.toString();
        } finally {
            Processes.killTree(p.toHandle());
            vm.startSecondShell();
        }
    }
}
