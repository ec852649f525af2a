package io.vncstream.libvirt;

import io.vncstream.libvirt.host.SshCommandHost;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code qemu+ssh://} libvirt connection whose SSH connection is lost (a real sshd killed with
 * its sessions): with reconnection (the gateway's) it is made again when next used, and while
 * the host is away a call fails within one backoff and one connect, saying so; without it (the
 * viewer's) every call after the loss fails in one line.
 */
class SshReconnectTest {
    private TestSshd sshd;
    private LibvirtUri uri;
    private AutoCloseable daemons;

    @BeforeEach
    void start() throws Exception {
        daemons = LibvirtTestDomain.daemons();
        sshd = TestSshd.start();
        sshd.trustHostKey();
        uri = LibvirtUri.parse("qemu+ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + "/system");
    }

    @AfterEach
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (daemons != null) {
            daemons.close();
        }
    }

    @Test
    void withReconnectionTheConnectionIsMadeAgainOnceTheHostIsBack() throws Exception {
        try (Libvirt l = Libvirt.connect(uri, SshCommandHost.open(uri, sshd.clientOptions(), true))) {
            l.domains();
            sshd.stopServing();
            long start = System.nanoTime();
            assertThatThrownBy(l::domains).hasMessageContaining("connection refused")
                    .hasMessageContaining("connection lost; trying again in 1 s").hasMessageNotContaining("\n");
            // The next call waits for the next attempt rather than trying at once: nothing spins.
            assertThatThrownBy(l::domains).hasMessageContaining("trying again in 2 s");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms for two calls while the host is away")
                    .isGreaterThanOrEqualTo(900).isLessThan(30_000);
            sshd.serveAgain();
            assertThat(l.domains()).isNotNull();
            assertThat(l.virsh().host().name()).isEqualTo(sshd.user() + "@127.0.0.1 port " + sshd.port());
        }
    }

    @Test
    void withoutReconnectionACallAfterTheLossFailsInOneLine() throws Exception {
        try (Libvirt l = Libvirt.connect(uri, SshCommandHost.open(uri, sshd.clientOptions()))) {
            l.domains();
            sshd.restart();
            assertThatThrownBy(l::domains).hasMessageStartingWith("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": ")
                    .hasMessageNotContaining("\n");
        }
    }
}
