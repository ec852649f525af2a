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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's LED state (-261) through the gateway: Caps Lock pressed on the VM's console makes its
 * kernel light the Caps Lock LED, which QEMU reports and the gateway relays; pressed again, off.
 */
class LedStateQemuTest {
    private static final int CAPS_LOCK_KEYSYM = 0xffe5;
    private static final int CAPS_LOCK_SCANCODE = 0x3a;

    @Test
    void capsLockOnTheVmsConsoleLightsAndClearsTheLed() throws Exception {
        try (TinyVm vm = TinyVm.boot()) {
            Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.parse(vm.vncAddress()), null),
                    new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            List<Integer> leds = new CopyOnWriteArrayList<>();
            try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                    new ClientConfig().extensions(List.of(Encodings.LED_STATE)), new RfbClientHandler() {
                        @Override
                        public void ledState(int state) {
                            leds.add(state);
                        }
                    })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU's extended key events", client::supportsExtendedKeys);
                client.sendKey(true, CAPS_LOCK_KEYSYM, CAPS_LOCK_SCANCODE);
                client.sendKey(false, CAPS_LOCK_KEYSYM, CAPS_LOCK_SCANCODE);
                Eventually.await(Duration.ofSeconds(10), "Caps Lock's LED on (" + leds + ")",
                        () -> !leds.isEmpty() && (leds.get(leds.size() - 1) & 4) != 0);
                client.sendKey(true, CAPS_LOCK_KEYSYM, CAPS_LOCK_SCANCODE);
                client.sendKey(false, CAPS_LOCK_KEYSYM, CAPS_LOCK_SCANCODE);
                Eventually.await(Duration.ofSeconds(10), "Caps Lock's LED off (" + leds + ")",
                        () -> (leds.get(leds.size() - 1) & 4) == 0);
                assertThat(client.isClosed()).isFalse();
            } finally {
                gateway.close();
            }
        }
    }
}
