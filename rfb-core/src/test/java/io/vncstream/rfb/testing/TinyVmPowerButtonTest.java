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
            // A press is an edge the guest may miss while busy (as a real one may): pressed again
            // every 10 s while the guest is still up, as virt-manager's users do.
            vm.qmp().executeOk("{\"execute\":\"system_powerdown\"}");
            long[] pressedAt = {System.nanoTime()};
            Eventually.await(Duration.ofSeconds(60), "the kernel's last words on the serial console", () -> {
                if (vm.serialOutput().contains("reboot: Power down")) {
                    return true;
                }
                if (System.nanoTime() - pressedAt[0] > 10_000_000_000L && !vm.serialOutput().contains("reboot:")) {
                    pressedAt[0] = System.nanoTime();
                    try {
                        vm.qmp().executeOk("{\"execute\":\"system_powerdown\"}");
                    } catch (java.io.IOException e) {
                        // QEMU is ending: the serial console tells whether the guest powered off.
                    }
                }
                return false;
            });
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
