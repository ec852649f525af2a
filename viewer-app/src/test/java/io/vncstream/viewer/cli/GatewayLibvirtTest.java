package io.vncstream.viewer.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
        GatewayChecks.listsTheDomainsDevices(address());
    }

    @Test
    void aViewerThroughTheGatewayRunsACommandOnThePtyConsole() throws Exception {
        GatewayChecks.runsACommand(address(), "serial0", "echo $((6*7))g\r", "42g");
    }

    @Test
    void aPlainVncSnapshotThroughTheGatewayEqualsVirshScreenshot() throws Exception {
        GatewayChecks.snapshotEqualsVirshScreenshot(address(), vm.name());
    }
}
