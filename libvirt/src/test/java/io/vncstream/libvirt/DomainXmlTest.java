package io.vncstream.libvirt;

import io.vncstream.libvirt.xml.DomainDevice;
import io.vncstream.libvirt.xml.DomainXml;
import io.vncstream.libvirt.xml.VncEndpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain XML as libvirt 9 writes it for a running domain (dumpxml --security-info), parsed. */
class DomainXmlTest {
    static final String LIVE = """
            <domain type='kvm' id='7'>
              <name>vm1</name>
              <devices>
                <serial type='pty'>
                  <source path='/dev/pts/3'/>
                  <target type='isa-serial' port='0'><model name='isa-serial'/></target>
                  <alias name='serial0'/>
                </serial>
                <serial type='unix'>
                  <source mode='bind' path='/var/lib/libvirt/qemu/vm1-s1.sock'/>
                  <target type='isa-serial' port='1'/>
                  <alias name='serial1'/>
                </serial>
                <serial type='file'>
                  <source path='/var/log/vm1.log'/>
                  <alias name='serial2'/>
                </serial>
                <console type='pty' tty='/dev/pts/3'>
                  <source path='/dev/pts/3'/>
                  <target type='serial' port='0'/>
                  <alias name='serial0'/>
                </console>
                <console type='pty' tty='/dev/pts/4'>
                  <target type='virtio' port='1'/>
                  <alias name='console1'/>
                </console>
                <parallel type='tcp'>
                  <source mode='bind' host='127.0.0.1' service='4555'/>
                  <alias name='parallel0'/>
                </parallel>
                <channel type='unix'>
                  <source mode='bind' path='/var/lib/libvirt/qemu/channel/target/domain-7-vm1/org.qemu.guest_agent.0'/>
                  <target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/>
                  <alias name='channel0'/>
                </channel>
                <graphics type='spice' autoport='yes'/>
                <graphics type='vnc' port='5901' autoport='yes' listen='0.0.0.0' passwd='s3cret'>
                  <listen type='address' address='0.0.0.0'/>
                </graphics>
              </devices>
            </domain>
            """;

    @Test
    void listsEveryCharacterDeviceOnceByAliasInDocumentOrder() throws IOException {
        List<DomainDevice> d = DomainXml.parse(LIVE).devices();
        assertThat(d).extracting(DomainDevice::alias)
                .containsExactly("serial0", "serial1", "serial2", "console1", "parallel0", "channel0");
        assertThat(d.get(0).type()).isEqualTo("pty");
        assertThat(d.get(0).sourcePath()).isEqualTo("/dev/pts/3");
        assertThat(d.get(1).sourcePath()).isEqualTo("/var/lib/libvirt/qemu/vm1-s1.sock");
        assertThat(d.get(3).sourcePath()).as("a pty without <source> has its tty").isEqualTo("/dev/pts/4");
        assertThat(d.get(4).tcpHost() + ":" + d.get(4).tcpPort()).isEqualTo("127.0.0.1:4555");
    }

    @Test
    void theGuestAgentsChannelIsListedWithItsTargetNameButNotOpenedByDefault() throws IOException {
        DomainDevice agent = DomainXml.parse(LIVE).devices().get(5);
        assertThat(agent.isGuestAgent()).isTrue();
        assertThat(agent.info().detail()).isEqualTo("org.qemu.guest_agent.0");
        assertThat(agent.info().openByDefault()).isFalse();
        assertThat(DomainXml.parse(LIVE).devices().get(0).info().openByDefault()).isTrue();
    }

    @Test
    void aFileSerialIsListedButNotOpenable() throws IOException {
        DomainDevice file = DomainXml.parse(LIVE).devices().get(2);
        assertThat(file.isOpenable()).isFalse();
        assertThat(file.info().detail()).isEqualTo("file");
    }

    @Test
    void theVncScreenWithItsPasswordAndWildcardListenAddress() throws IOException {
        DomainXml x = DomainXml.parse(LIVE);
        assertThat(x.graphicsTypes()).containsExactly("spice", "vnc");
        VncEndpoint e = x.vnc();
        assertThat(e.host()).isEqualTo("0.0.0.0");
        assertThat(e.port()).isEqualTo(5901);
        assertThat(e.password()).isEqualTo("s3cret");
        assertThat(e.toString()).doesNotContain("s3cret");
        assertThat(x.id()).isEqualTo(7);
    }

    @Test
    void aVncUnixSocket() throws IOException {
        VncEndpoint e = DomainXml.parse("""
                <domain type='qemu' id='1'><name>s</name><devices>
                  <graphics type='vnc' socket='/run/vm/vnc.sock'><listen type='socket' socket='/run/vm/vnc.sock'/></graphics>
                </devices></domain>""").vnc();
        assertThat(e.address()).isEqualTo("unix:/run/vm/vnc.sock");
    }

    @Test
    void anInactiveDomainsAutoportHasNoScreenYet() throws IOException {
        DomainXml x = DomainXml.parse("<domain type='qemu'><name>off</name><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>");
        assertThat(x.hasVnc()).isTrue();
        assertThat(x.vnc()).isNull();
        assertThat(x.id()).isEqualTo(-1);
    }

    @Test
    void doctypesAreRefusedSoNoEntityIsExpanded() {
        assertThatThrownBy(() -> DomainXml.parse("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><name>&x;</name></domain>"))
                .isInstanceOf(IOException.class).hasMessageContaining("does not parse");
    }

    @Test
    void somethingElseThanADomainIsSaidSo() {
        assertThatThrownBy(() -> DomainXml.parse("<network/>")).hasMessageContaining("its root is <network>");
    }
}
