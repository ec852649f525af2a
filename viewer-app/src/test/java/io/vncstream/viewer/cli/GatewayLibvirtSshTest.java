package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream-gateway --libvirt qemu+ssh://root@127.0.0.1:PORT/system --domain DOMAIN}, the
 * gateway's real main in a process of its own whose ~/.ssh is a test sshd's client HOME (its key
 * authorized, the host key known): virsh over SSH exec channels, the pty console through
 * {@code virsh console} on an exec channel with a pty, the unix-socket serial and the screen
 * through SSH channels, as for a remote host; a vncstream client through the gateway sees the
 * domain's devices, consoles and screen. When the SSH connection is lost, the gateway says so in
 * one line, connects again, the consoles come back below a gap note and hot-plug is followed
 * again. The last test, since it restarts sshd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayLibvirtSshTest {
    private LibvirtTestDomain vm;
    private TestSshd sshd;
    private Path dir;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        vm = LibvirtTestDomain.boot();
        sshd = TestSshd.start();
        sshd.trustHostKey();
        dir = Files.createTempDirectory("gateway-libvirt-ssh");
        gateway = GatewayProcess.start(dir.resolve("gateway.log"), GatewayChecks.sshJvm(sshd.clientSystemProperties()),
                Duration.ofSeconds(90), "--libvirt", uri(), "--domain", vm.name());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    private String uri() {
        return "qemu+ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + "/system";
    }

    @Test
    @Order(1)
    void aViewerThroughTheGatewayListsTheRemoteDomainsDevices() throws Exception {
        GatewayChecks.listsTheDomainsDevices(gateway.address());
    }

    @Test
    @Order(2)
    void aCommandOnThePtySerialThroughVirshConsoleOverSsh() throws Exception {
        GatewayChecks.runsACommand(gateway.address(), "serial0", "echo $((6*7))p\r", "42p");
    }

    @Test
    @Order(3)
    void aCommandOnTheUnixSocketSerialThroughDirectStreamlocal() throws Exception {
        GatewayChecks.runsACommand(gateway.address(), "serial1", "echo $((7*6))u\n", "42u");
    }

    @Test
    @Order(4)
    void theSnapshotThroughTheTunnelEqualsVirshScreenshot() throws Exception {
        GatewayChecks.snapshotEqualsVirshScreenshot(gateway.address(), vm.name());
    }

    @Test
    @Order(5)
    void aChannelAttachedLiveIsOfferedFromTheDomainsEventsOverSsh() throws Exception {
        LibvirtTestDomain.virsh("attach-device", vm.name(), hotChannel().toString(), "--live");
        Eventually.await(Duration.ofSeconds(60), "the attached channel is offered through the gateway",
                () -> devices().contains("channel1"));
    }

    /** A virtio channel for hot-plug, as virt-manager adds one. */
    private Path hotChannel() throws Exception {
        Path xml = dir.resolve("channel1.xml");
        Files.writeString(xml, "<channel type='unix'><source mode='bind' path='/var/lib/libvirt/qemu/" + vm.name()
                + "-hot.sock'/><target type='virtio' name='org.vncstream.hot.0'/></channel>");
        return xml;
    }

    private List<String> devices() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", gateway.address());
        assertThat(r.exitCode()).as("%s", r).isZero();
        return r.out().lines().toList();
    }

    @Test
    @Order(6)
    void anUnknownHostKeyIsRefusedInOneLineNamingItsFingerprint() throws Exception {
        Path other = Files.createTempDirectory(dir, "home");
        Cli.Outcome r = Cli.gatewayProcess(GatewayChecks.sshJvm(java.util.Map.of("vncstream.ssh.home", other.toString(),
                        "vncstream.ssh.agent", "none", "vncstream.ssh.global-known-hosts", other.resolve("none").toString())),
                "--listen", "127.0.0.1:0", "--libvirt", uri(), "--domain", vm.name());
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        assertThat(r.err()).startsWith("vncstream-gateway: ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": host key not known")
                .contains(sshd.hostKeyFingerprint())
                .contains(other.resolve(".ssh").resolve("known_hosts").toString());
        assertThat(other.resolve(".ssh").resolve("known_hosts")).as("nothing trusted without asking").doesNotExist();
    }

    @Test
    @Order(7)
    void aLostSshConnectionIsSaidInOneLineAndTheConsolesComeBack() throws Exception {
        GatewayChecks.runsACommand(gateway.address(), "serial1", "echo $((5*5))a\n", "25a");
        sshd.restart();
        Eventually.await(Duration.ofSeconds(60), "the gateway says the SSH connection was lost",
                () -> gateway.log().contains("connection lost; connecting again"));
        Eventually.await(Duration.ofSeconds(60), "the gateway connected again",
                () -> gateway.log().contains("connected again"));
        List<String> lost = gateway.log().lines().filter(l -> l.contains("connection lost; connecting again")).toList();
        assertThat(lost).as("one line says it").hasSize(1);
        assertThat(lost.get(0)).contains("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": connection lost");
        Cli.Outcome unix = GatewayChecks.runsACommand(gateway.address(), "serial1", "echo $((5*6))b\n", "30b");
        assertThat(unix.out()).as("the gap is marked").contains("serial1 reattached at");
        GatewayChecks.runsACommand(gateway.address(), "serial0", "echo $((6*6))c\r", "36c");
        Eventually.await(Duration.ofSeconds(60), "domain events are followed again",
                () -> gateway.log().contains("following domain events again"));
        LibvirtTestDomain.virsh("detach-device", vm.name(), hotChannel().toString(), "--live");
        Eventually.await(Duration.ofSeconds(60), "the detached channel is gone, as the new events tell",
                () -> devices().equals(List.of("serial0", "serial1", "channel0")));
        assertThat(gateway.isAlive()).isTrue();
    }
}
