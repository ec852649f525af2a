package io.vncstream.libvirt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibvirtUriTest {
    @Test
    void localUris() {
        LibvirtUri u = LibvirtUri.parse("qemu:///system");
        assertThat(u.isSsh()).isFalse();
        assertThat(u.virshUri()).isEqualTo("qemu:///system");
        assertThat(LibvirtUri.parse("qemu:///session").isSystem()).isFalse();
    }

    @Test
    void sshUrisWithUserAndPort() {
        LibvirtUri u = LibvirtUri.parse("qemu+ssh://root@host.example:2222/system");
        assertThat(u.isSsh()).isTrue();
        assertThat(u.user()).isEqualTo("root");
        assertThat(u.host()).isEqualTo("host.example");
        assertThat(u.port()).isEqualTo(2222);
        assertThat(u.virshUri()).isEqualTo("qemu:///system");
        assertThat(LibvirtUri.parse("qemu+ssh://h/system").port()).as("ssh's default, from ~/.ssh/config or 22").isEqualTo(-1);
    }

    @Test
    void badUrisAreSaidSo() {
        assertThatThrownBy(() -> LibvirtUri.parse("vm1")).hasMessageContaining("not a libvirt URI: 'vm1'");
        assertThatThrownBy(() -> LibvirtUri.parse("qemu+tcp://h/system")).hasMessageContaining("transport 'tcp' is not supported");
        assertThatThrownBy(() -> LibvirtUri.parse("qemu+ssh:///system")).hasMessageContaining("needs a host");
    }

    @Test
    void aPrivateDaemonsSocketReachesVirshLocallyAndOverSsh() {
        LibvirtUri local = LibvirtUri.parse("qemu+unix:///system?socket=/tmp/d/libvirt-sock");
        assertThat(local.isSsh()).isFalse();
        assertThat(local.virshUri()).isEqualTo("qemu+unix:///system?socket=/tmp/d/libvirt-sock");
        LibvirtUri remote = LibvirtUri.parse("qemu+ssh://root@localhost:2222/system?socket=/tmp/d/libvirt-sock&keyfile=/k");
        assertThat(remote.host()).isEqualTo("localhost");
        assertThat(remote.queryParameter("keyfile")).isEqualTo("/k");
        assertThat(remote.virshUri()).as("the socket is the remote host's; keyfile is for our ssh")
                .isEqualTo("qemu+unix:///system?socket=/tmp/d/libvirt-sock");
        assertThat(LibvirtUri.parse("qemu+ssh://h/system?socket=/a%20b").virshUri())
                .isEqualTo("qemu+unix:///system?socket=/a%20b");
        assertThat(LibvirtUri.parse("qemu+ssh://h/system").queryParameter("socket")).isNull();
    }
}
