package io.vncstream.rfb.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiny VM answers ACPI's power button as a real guest does: QEMU's {@code system_powerdown}
 * (what libvirt's {@code virsh shutdown} and {@code virsh reboot} send) powers it off, through the
 * kernel's button and evdev modules and busybox's acpid in the initramfs.
 */
class TinyVmPowerButtonTest {
    @Test
    void thePowerButtonPowersTheGuestOff() throws Exception {
        try (TinyVm vm = TinyVm.boot()) {
            String guest = vm.run("cut -d' ' -f1 /proc/modules | sort | tr '\\n' ' '; echo; pidof acpid", Duration.ofSeconds(20));
            assertThat(guest).as("modules and acpid in: %s", guest).contains("button evdev ").containsPattern("\\n\\d+\\r");
            vm.qmp().executeOk("{\"execute\":\"system_powerdown\"}");
            Eventually.await(Duration.ofSeconds(30), "the kernel's last words on the serial console",
                    () -> vm.serialOutput().contains("reboot: Power down"));
            // QEMU (without -no-shutdown) ends with the guest: its monitor closes.
            Eventually.await(Duration.ofSeconds(10), "QEMU ended", () -> {
                try {
                    vm.qmp().execute("{\"execute\":\"query-status\"}");
                    return false;
                } catch (java.io.IOException e) {
                    return String.valueOf(e.getMessage()).contains("closed");
                }
            });
        }
    }
}
