package io.vncstream.libvirt;

import io.vncstream.libvirt.console.ConsoleBusyException;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.libvirt.host.CommandHost;
import io.vncstream.libvirt.host.CommandResult;
import io.vncstream.libvirt.host.LocalHost;
import io.vncstream.libvirt.host.RunningCommand;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSourceListener;
import io.vncstream.rfb.devices.EndReasons;
import io.vncstream.rfb.devices.OutputListener;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module against the system libvirt and a tiny domain it runs (booted once for the class). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtDomainTest {
    private LibvirtTestDomain vm;
    private Libvirt libvirt;
    private Domain domain;

    @BeforeAll
    void boot() throws Exception {
        vm = LibvirtTestDomain.boot();
        libvirt = Libvirt.connectLocal(LibvirtUri.parse(vm.uri()));
        domain = libvirt.resolve(vm.name());
    }

    @AfterAll
    void stop() {
        if (libvirt != null) {
            libvirt.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aDomainIsFoundByNameUuidOrId() throws Exception {
        assertThat(domain.state()).isEqualTo(DomainState.RUNNING);
        assertThat(domain.id()).isPositive();
        assertThat(libvirt.resolve(domain.uuid()).name()).isEqualTo(vm.name());
        assertThat(libvirt.resolve(String.valueOf(domain.id())).name()).isEqualTo(vm.name());
        assertThat(libvirt.domains()).extracting(Domain::name).contains(vm.name());
    }

    @Test
    void aMissingDomainIsNamedWithTheOnesThatExist() {
        assertThatThrownBy(() -> libvirt.resolve("no-such-vm"))
                .isInstanceOf(LibvirtException.class)
                .hasMessageStartingWith("no domain 'no-such-vm' on qemu:///system (domains: ")
                .hasMessageContaining(vm.name());
    }

    @Test
    void libvirtNotReachable() {
        assertThatThrownBy(() -> Libvirt.connectLocal(LibvirtUri.parse("qemu+unix:///system?socket=/nonexistent/libvirt-sock")))
                .isInstanceOf(LibvirtException.class)
                .hasMessageStartingWith("libvirt is not reachable at qemu+unix:///system?socket=/nonexistent/libvirt-sock (")
                .hasMessageEndingWith("is libvirtd running?");
    }

    @Test
    void permissionDeniedSaysWhichGroupOrUriToUse() {
        // virsh as a real unprivileged user: the system libvirt refuses it.
        CommandHost asNobody = new AsUser("nobody");
        assertThatThrownBy(() -> Libvirt.connect(LibvirtUri.parse("qemu:///system"), asNobody))
                .isInstanceOf(LibvirtException.class)
                .hasMessageStartingWith("permission denied connecting to qemu:///system as user 'nobody'")
                .hasMessageEndingWith("add the user to the 'libvirt' group and log in again, or use qemu:///session for the user's own VMs");
    }

    @Test
    void noVncGraphicsSaysWhichGraphicsItHas() throws Exception {
        Path xml = Files.createTempFile("spice", ".xml");
        String name = vm.name() + "-spice";
        Files.writeString(xml, "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os><devices><graphics type='spice'/></devices></domain>");
        LibvirtTestDomain.virsh("define", xml.toString());
        try {
            Domain spice = libvirt.resolve(name);
            assertThatThrownBy(() -> libvirt.screen(spice, libvirt.xml(spice)))
                    .hasMessage("domain '" + name + "' has no VNC graphics (it has spice): add <graphics type='vnc'/> to it (virsh edit " + name + ")");
        } finally {
            LibvirtTestDomain.virsh("undefine", name);
            Files.deleteIfExists(xml);
        }
    }

    @Test
    void theScreenIsTheLiveXmlsVncPort() throws Exception {
        VncEndpoint e = libvirt.screen(domain, libvirt.xml(domain));
        String display = LibvirtTestDomain.virsh("vncdisplay", vm.name()).strip(); // "127.0.0.1:0"
        int n = Integer.parseInt(display.substring(display.lastIndexOf(':') + 1));
        assertThat(e.host()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(5900 + n);
        try (Transport t = Transport.tcp(e.host(), e.port(), Duration.ofSeconds(5))) {
            assertThat(new String(t.input().readNBytes(12), StandardCharsets.US_ASCII)).startsWith("RFB 003.");
        }
    }

    @Test
    void theDevicesAreListedByAliasWithTargetNames() throws Exception {
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            assertThat(s.names()).containsExactly("serial0", "serial1", "channel0");
            assertThat(s.devices().get(2)).isEqualTo(new DeviceInfo("channel0", "org.vncstream.test.0", true));
        }
    }

    @Test
    @Order(1)
    void thePtyConsoleRunsACommandAndABusyOneIsSaidSo() throws Exception {
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false);
             LibvirtDeviceSource other = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            Output out = new Output();
            DeviceCapture c = s.capture("serial0", out).get(30, TimeUnit.SECONDS);
            c.send("echo $((6*7))\r".getBytes(StandardCharsets.US_ASCII));
            out.await("\n42\r\n");
            assertThatThrownBy(() -> other.capture("serial0", new Output()).join())
                    .hasCauseInstanceOf(ConsoleBusyException.class)
                    .cause().hasMessage("serial0 is busy: another console (virsh console, virt-manager) has it open;"
                            + " close that one, or take it over with vncstream console --force");
            c.close();
            out.awaitEnd();
            assertThat(out.reason).isEqualTo("closed");
        }
    }

    @Test
    @Order(2)
    void theUnixSocketSerialRunsACommand() throws Exception {
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            Output out = new Output();
            DeviceCapture c = s.capture("serial1", out).get(30, TimeUnit.SECONDS);
            c.send("echo $((7*6))x\n".getBytes(StandardCharsets.US_ASCII));
            out.await("42x");
            c.close();
            out.awaitEnd();
        }
    }

    @Test
    @Order(3)
    void aChannelAttachedLiveIsListedWithinTwoSecondsAndGoneWithinTwoOfItsDetach() throws Exception {
        Path xml = Files.createTempFile("channel", ".xml");
        Files.writeString(xml, "<channel type='unix'><source mode='bind' path='/var/lib/libvirt/qemu/" + vm.name()
                + "-hot.sock'/><target type='virtio' name='org.vncstream.hot.0'/></channel>");
        List<String> heard = new CopyOnWriteArrayList<>();
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, true, false)) {
            s.addListener(new DeviceSourceListener() {
                @Override
                public void deviceAdded(DeviceInfo device) {
                    heard.add("+" + device.name() + " " + device.detail());
                }

                @Override
                public void deviceRemoved(String name) {
                    heard.add("-" + name);
                }
            });
            LibvirtTestDomain.virsh("attach-device", vm.name(), xml.toString(), "--live");
            // The list changes just before the listeners hear of it: wait for both.
            Eventually.await(Duration.ofSeconds(2), "the attached channel is listed", () -> s.names().contains("channel1") && !heard.isEmpty());
            assertThat(heard).containsExactly("+channel1 org.vncstream.hot.0");
            LibvirtTestDomain.virsh("detach-device", vm.name(), xml.toString(), "--live");
            Eventually.await(Duration.ofSeconds(2), "the detached channel is gone", () -> !s.names().contains("channel1") && heard.size() > 1);
            assertThat(heard).containsExactly("+channel1 org.vncstream.hot.0", "-channel1");
        } finally {
            Files.deleteIfExists(xml);
        }
    }

    @Test
    @Order(10)
    void aResetRestartsTheOpenConsoleWhichShowsTheNewBoot() throws Exception {
        List<String> added = new CopyOnWriteArrayList<>();
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, true, false)) {
            s.addListener(new DeviceSourceListener() {
                @Override
                public void deviceAdded(DeviceInfo device) {
                    added.add(device.name());
                }

                @Override
                public void deviceRemoved(String name) {
                }
            });
            Output first = new Output();
            s.capture("serial0", first).get(30, TimeUnit.SECONDS);
            LibvirtTestDomain.virsh("reset", vm.name());
            first.awaitEnd();
            assertThat(first.reason).startsWith(EndReasons.RESTARTED);
            Eventually.await(Duration.ofSeconds(10), "serial0 is announced again", () -> added.contains("serial0"));
            Output second = new Output();
            s.capture("serial0", second).get(30, TimeUnit.SECONDS);
            second.await("VNCSTREAM-TINYVM-READY");
        }
        vm.awaitShell();
        vm.startSecondShell();
    }

    @Test
    @Order(11)
    void anAcpiRebootRestartsTheOpenConsoleWhichShowsTheNewBoot() throws Exception {
        List<String> added = new CopyOnWriteArrayList<>();
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, true, false)) {
            s.addListener(new DeviceSourceListener() {
                @Override
                public void deviceAdded(DeviceInfo device) {
                    added.add(device.name());
                }

                @Override
                public void deviceRemoved(String name) {
                }
            });
            Output first = new Output();
            s.capture("serial0", first).get(30, TimeUnit.SECONDS);
            // The guest powers itself off on the power button; libvirt then resets it (a fake reboot).
            LibvirtTestDomain.virsh("reboot", vm.name());
            Eventually.await(Duration.ofSeconds(60), "the capture ended: " + first.text, () -> first.reason != null);
            assertThat(first.text.toString()).contains("reboot: Power down");
            assertThat(first.reason).startsWith(EndReasons.RESTARTED);
            Eventually.await(Duration.ofSeconds(10), "serial0 is announced again", () -> added.contains("serial0"));
            Output second = new Output();
            s.capture("serial0", second).get(30, TimeUnit.SECONDS);
            second.await("VNCSTREAM-TINYVM-READY");
            assertThat(vm.state()).isEqualTo("running");
        }
        vm.awaitShell();
        vm.startSecondShell();
    }

    /** Last: the domain gets another id when it starts again, which the tests above do not expect. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anAcpiShutdownShutsTheDomainOffAndItsDevicesGoUntilItStarts() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, true, false)) {
            s.addListener(new DeviceSourceListener() {
                @Override
                public void deviceAdded(DeviceInfo device) {
                    heard.add("+" + device.name());
                }

                @Override
                public void deviceRemoved(String name) {
                    heard.add("-" + name);
                }
            });
            Output console = new Output();
            s.capture("serial0", console).get(30, TimeUnit.SECONDS);
            LibvirtTestDomain.virsh("shutdown", vm.name());
            Eventually.await(Duration.ofSeconds(60), "the domain is shut off", () -> s.state() == DomainState.SHUT_OFF);
            assertThat(vm.state()).isEqualTo("shut off");
            assertThat(console.text.toString()).contains("reboot: Power down");
            console.awaitEnd();
            assertThat(EndReasons.isRestart(console.reason)).as("a shut off domain's console ends for good: %s", console.reason).isFalse();
            assertThat(s.names()).isEmpty();
            assertThat(heard).containsExactly("-serial0", "-serial1", "-channel0");
            LibvirtTestDomain.virsh("start", vm.name());
            Eventually.await(Duration.ofSeconds(60), "the devices are back", () -> s.names().equals(List.of("serial0", "serial1", "channel0")));
        }
        vm.awaitShell();
        vm.startSecondShell();
    }

    /** What a capture delivered, as text. */
    static final class Output implements OutputListener {
        final StringBuffer text = new StringBuffer();
        volatile String reason;

        @Override
        public void output(byte[] data) {
            text.append(new String(data, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void ended(String reason) {
            this.reason = reason;
        }

        void await(String needle) throws Exception {
            Eventually.await(Duration.ofSeconds(120), "'" + needle + "' in the console output: " + text, () -> text.indexOf(needle) >= 0);
        }

        void awaitEnd() throws Exception {
            Eventually.await(Duration.ofSeconds(10), "the capture ended", () -> reason != null);
        }
    }

    /** This machine's programs, run as another (real) user. */
    private static final class AsUser implements CommandHost {
        private final LocalHost local = new LocalHost();
        private final String user;

        AsUser(String user) {
            this.user = user;
        }

        private List<String> as(List<String> command) {
            List<String> c = new ArrayList<>(List.of("runuser", "-u", user, "--"));
            c.addAll(command);
            return c;
        }

        @Override
        public CommandResult run(List<String> command, Duration timeout) throws IOException, InterruptedException {
            return local.run(as(command), timeout);
        }

        @Override
        public RunningCommand start(List<String> command, boolean terminal) throws IOException {
            return local.start(as(command), terminal);
        }

        @Override
        public Transport connectUnix(String path, Duration timeout) throws IOException {
            return local.connectUnix(path, timeout);
        }

        @Override
        public Transport connectTcp(String host, int port, Duration timeout) throws IOException {
            return local.connectTcp(host, port, timeout);
        }

        @Override
        public String name() {
            return "this machine";
        }

        @Override
        public String user() {
            return user;
        }
    }
}
