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
}
