package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a vncstream client sees through a gateway in front of a libvirt test domain, each check
 * run with the real command line in a process of its own; shared by the local and the SSH
 * gateway tests.
 */
final class GatewayChecks {
    private GatewayChecks() {
    }

    /** {@code vncstream devices ADDRESS} lists the test domain's devices. */
    static void listsTheDomainsDevices(String address) throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", address);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines()).containsExactly("serial0", "serial1", "channel0");
    }

    /**
     * {@code vncstream console ADDRESS DEVICE} with {@code command} typed prints {@code answer}.
     * The gateway attaches a pty console through virsh, which may take seconds on a loaded
     * machine or wait for another client to let go; keys typed before it is attached are
     * dropped, as on a serial line with nothing behind it. So a few tries.
     */
    static Cli.Outcome runsACommand(String address, String device, String command, String answer) throws Exception {
        Cli.Outcome r = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            r = Cli.separateProcessWithInput(command, "console", address, device, "--timeout", "5");
            assertThat(r.exitCode()).as("%s", r).isZero();
            if (r.out().contains(answer)) {
                return r;
            }
        }
        assertThat(r.out()).contains(answer);
        return r;
    }

    /** {@code vncstream snapshot ADDRESS} is the domain's screen, pixel for pixel, as {@code virsh screenshot} has it. */
    static void snapshotEqualsVirshScreenshot(String address, String domain) throws Exception {
        Path dir = Files.createTempDirectory("gw-libvirt");
        try {
            AssertionError last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path ref = dir.resolve("ref" + attempt + ".img");
                Path png = dir.resolve("s" + attempt + ".png");
                LibvirtTestDomain.virsh("screenshot", domain, ref.toString());
                Cli.Outcome r = Cli.separateProcess("snapshot", address, png.toString());
                assertThat(r.exitCode()).as("%s", r).isZero();
                try {
                    PixelDiff.assertMatches(LibvirtCliTest.readImage(ref), PixelDiff.read(png), PixelDiff.EXACT,
                            "snapshot through the gateway vs virsh screenshot");
                    return;
                } catch (AssertionError e) {
                    last = e;
                }
            }
            throw last;
        } finally {
            Processes.deleteTree(dir);
        }
    }

    /** The JVM options that make a process's SSH use this client HOME (key, known_hosts) and no agent. */
    static List<String> sshJvm(java.util.Map<String, String> properties) {
        List<String> jvm = new java.util.ArrayList<>(List.of("-Djava.awt.headless=true"));
        properties.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        return jvm;
    }
}
