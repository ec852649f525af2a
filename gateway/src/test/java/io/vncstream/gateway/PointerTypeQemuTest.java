package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's pointer motion change (-257) through the gateway: the tiny VM has only its PS/2 mouse
 * (no tablet), so QEMU wants relative motion, and says so.
 */
class PointerTypeQemuTest {
    @Test
    void aVmWithoutATabletWantsRelativeMotion() throws Exception {
        boolean tablet = false;
        try (TinyVm vm = TinyVm.boot()) {
            Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.parse(vm.vncAddress()), null),
                    new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            AtomicReference<Boolean> absolute = new AtomicReference<>();
            try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                    new ClientConfig().extensions(List.of(Encodings.QEMU_POINTER_MOTION_CHANGE)), new RfbClientHandler() {
                        @Override
                        public void pointerMotionChanged(boolean abs) {
                            absolute.set(abs);
                        }
                    })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU's pointer motion change", () -> absolute.get() != null);
                assertThat(absolute.get()).isEqualTo(tablet);
            } finally {
                gateway.close();
            }
        }
    }

    /**
     * With a USB tablet made the current mouse ({@code mouse_set}: the tiny kernel has no USB HID
     * driver to activate it), QEMU changes to absolute, and says so through the gateway.
     */
    @Test
    void aTabletMadeCurrentMeansAbsoluteMotion() throws Exception {
        try (TinyVm vm = TinyVm.boot("", List.of("-usb", "-device", "usb-tablet"))) {
            Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.parse(vm.vncAddress()), null),
                    new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            java.util.List<Boolean> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                    new ClientConfig().extensions(List.of(Encodings.QEMU_POINTER_MOTION_CHANGE)), new RfbClientHandler() {
                        @Override
                        public void pointerMotionChanged(boolean abs) {
                            changes.add(abs);
                        }
                    })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU's first pointer motion change", () -> !changes.isEmpty());
                assertThat(changes).containsExactly(false);
                String mice = vm.qmp().executeOk("{\"execute\":\"query-mice\"}");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"index\": (\\d+), \"name\": \"QEMU HID Tablet\"").matcher(mice);
                assertThat(m.find()).as(mice).isTrue();
                vm.qmp().executeOk("{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\"mouse_set "
                        + m.group(1) + "\"}}");
                Eventually.await(Duration.ofSeconds(10), "the change to absolute", () -> changes.size() == 2);
                assertThat(changes).containsExactly(false, true);
            } finally {
                gateway.close();
            }
        }
    }
}
