package io.vncstream.viewer.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream-gateway --libvirt qemu:///system --domain DOMAIN}: the upstream and the devices
 * come from the domain (through the libvirt module, as for the viewer), and a vncstream viewer
 * through the gateway lists them and runs a command on the pty console; a plain VNC client's
 * snapshot through it is the domain's screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayLibvirtTest {
    private LibvirtTestDomain vm;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        vm = LibvirtTestDomain.boot();
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--libvirt", vm.uri(), "--domain", vm.name());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
            gateway.registry().removeAll();
        }
        if (vm != null) {
            vm.close();
        }
    }

    private String address() {
        return "127.0.0.1::" + gateway.port();
    }

    @Test
    void aViewerThroughTheGatewayListsTheDomainsDevices() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", address());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines()).containsExactly("serial0", "serial1", "channel0");
    }

    @Test
    void aViewerThroughTheGatewayRunsACommandOnThePtyConsole() throws Exception {
        // The gateway attaches a pty console through virsh, which may take seconds on a loaded
        // machine or wait for another client to let go; keys typed before it is attached are
        // dropped, as on a serial line with nothing behind it. So a few tries.
        Cli.Outcome r = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            r = Cli.separateProcessWithInput("echo $((6*7))g\r", "console", address(), "serial0", "--timeout", "5");
            assertThat(r.exitCode()).as("%s", r).isZero();
            if (r.out().contains("42g")) {
                break;
            }
        }
        assertThat(r.out()).contains("42g");
    }

    @Test
    void aPlainVncSnapshotThroughTheGatewayEqualsVirshScreenshot() throws Exception {
        Path dir = Files.createTempDirectory("gw-libvirt");
        try {
            AssertionError last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path ref = dir.resolve("ref" + attempt + ".img");
                Path png = dir.resolve("s" + attempt + ".png");
                LibvirtTestDomain.virsh("screenshot", vm.name(), ref.toString());
                Cli.Outcome r = Cli.separateProcess("snapshot", address(), png.toString());
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
            io.vncstream.rfb.testing.Processes.deleteTree(dir);
        }
    }
}
