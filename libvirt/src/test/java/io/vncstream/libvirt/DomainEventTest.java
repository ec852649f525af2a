package io.vncstream.libvirt;

import io.vncstream.libvirt.events.DomainEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines as virsh 9.0 prints them for {@code event --loop --all} (with and without --timestamp). */
class DomainEventTest {
    @Test
    void lifecycle() {
        DomainEvent e = DomainEvent.parse("event 'lifecycle' for domain 'vm1': Stopped Destroyed");
        assertThat(e.isLifecycle()).isTrue();
        assertThat(e.lifecycle()).isEqualTo("Stopped");
        assertThat(e.domain()).isEqualTo("vm1");
    }

    @Test
    void deviceAddedWithTimestamp() {
        DomainEvent e = DomainEvent.parse("2026-12-01 20:32:55.774+0000: event 'device-added' for domain 'vst-probe': channel1");
        assertThat(e.isDeviceChange()).isTrue();
        assertThat(e.detail()).isEqualTo("channel1");
    }

    @Test
    void rebootHasNoDetail() {
        DomainEvent e = DomainEvent.parse("event 'reboot' for domain 'vm1'");
        assertThat(e.isReboot()).isTrue();
        assertThat(e.detail()).isEmpty();
    }

    @Test
    void aVncClientComingAndGoingChangesNoDevices() {
        // What virsh 9.0 printed for one VNC client's connection (vncstream's own first frame).
        for (String phase : new String[] {"connect", "initialize", "disconnect"}) {
            DomainEvent e = DomainEvent.parse("event 'graphics' for domain 'vm1': " + phase
                    + " local[IPv4 127.0.0.1 5900] remote[IPv4 127.0.0.1 53906] none");
            assertThat(e.type()).isEqualTo("graphics");
            assertThat(e.mayChangeDevices()).as(phase).isFalse();
        }
        assertThat(DomainEvent.parse("event 'rtc-change' for domain 'vm1': 3").mayChangeDevices()).isFalse();
    }

    @Test
    void lifecycleDeviceRebootAndUnknownEventsMayChangeDevices() {
        assertThat(DomainEvent.parse("event 'lifecycle' for domain 'vm1': Started Booted").mayChangeDevices()).isTrue();
        assertThat(DomainEvent.parse("event 'device-removed' for domain 'vm1': channel1").mayChangeDevices()).isTrue();
        assertThat(DomainEvent.parse("event 'reboot' for domain 'vm1'").mayChangeDevices()).isTrue();
        assertThat(DomainEvent.parse("event 'agent-lifecycle' for domain 'vm1': state: 'connected' reason: 'channel event'")
                .mayChangeDevices()).isTrue();
    }

    @Test
    void otherLinesAreNoEvents() {
        assertThat(DomainEvent.parse("events received: 3")).isNull();
        assertThat(DomainEvent.parse("")).isNull();
    }
}
