package io.vncstream.libvirt;

import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.libvirt.host.SshCommandHost;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code qemu+ssh://root@127.0.0.1:PORT/system}: virsh over exec channels of a real sshd the
 * test starts on loopback (its own host key, an authorized key), the pty console over an exec
 * channel with a pty, the unix-socket serial over direct-streamlocal and the screen over
 * direct-tcpip, against the same tiny domain of the system libvirt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibvirtSshTest {
    private LibvirtTestDomain vm;
    private TestSshd sshd;
    private Libvirt libvirt;
    private Domain domain;

    @BeforeAll
    void start() throws Exception {
        vm = LibvirtTestDomain.boot();
        sshd = TestSshd.start();
        sshd.trustHostKey();
        LibvirtUri uri = LibvirtUri.parse("qemu+ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + "/system");
        libvirt = Libvirt.connect(uri, SshCommandHost.open(uri, sshd.clientOptions()));
        domain = libvirt.resolve(vm.name());
    }

    @AfterAll
    void stop() {
        if (libvirt != null) {
            libvirt.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theDomainAndItsDevicesOverSsh() throws Exception {
        assertThat(domain.state()).isEqualTo(DomainState.RUNNING);
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            assertThat(s.names()).containsExactly("serial0", "serial1", "channel0");
        }
    }

    @Test
    void aMissingDomainOverSshNamesTheHostsDomains() {
        assertThatThrownBy(() -> libvirt.resolve("no-such-vm"))
                .hasMessageStartingWith("no domain 'no-such-vm' on qemu+ssh://")
                .hasMessageContaining(vm.name());
    }

    @Test
    void theScreenThroughADirectTcpipChannel() throws Exception {
        VncEndpoint e = libvirt.screen(domain, libvirt.xml(domain)).onHost();
        try (Transport t = libvirt.virsh().host().connectTcp(e.host(), e.port(), java.time.Duration.ofSeconds(10))) {
            assertThat(new String(t.input().readNBytes(12), StandardCharsets.US_ASCII)).startsWith("RFB 003.");
        }
    }

    @Test
    void thePtyConsoleOverAnExecChannelWithAPty() throws Exception {
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            LibvirtDomainTest.Output out = new LibvirtDomainTest.Output();
            DeviceCapture c = s.capture("serial0", out).get(60, TimeUnit.SECONDS);
            c.send("echo $((6*7))s\r".getBytes(StandardCharsets.US_ASCII));
            out.await("42s");
            c.close();
            out.awaitEnd();
        }
    }

    @Test
    void theUnixSocketSerialThroughDirectStreamlocal() throws Exception {
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, domain, false, false)) {
            LibvirtDomainTest.Output out = new LibvirtDomainTest.Output();
            DeviceCapture c = s.capture("serial1", out).get(60, TimeUnit.SECONDS);
            c.send("echo $((7*6))u\n".getBytes(StandardCharsets.US_ASCII));
            out.await("42u");
            c.close();
            out.awaitEnd();
        }
    }
}
