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
}
