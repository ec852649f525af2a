package io.vncstream.viewer.screen;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.Test;

import javax.swing.SwingUtilities;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VM's LED state reaches the local keyboard: Caps Lock pressed on the VM's console lights
 * its LED, QEMU reports it, and the local Caps Lock is set where Java may set it, or else the
 * status bar says that the two differ (X11, where Java cannot set lock keys).
 */
class LockKeysQemuGuiTest {
    @Test
    void capsLockOnTheVmIsAppliedOrReported() throws Exception {
        TestPeers.requireDisplay();
        Toolkit toolkit = Toolkit.getDefaultToolkit();
        assertThat(toolkit.getLockingKeyState(KeyEvent.VK_CAPS_LOCK)).as("local Caps Lock at the start").isFalse();
        List<String> status = new CopyOnWriteArrayList<>();
        LockKeys keys = new LockKeys(toolkit, status::add);
        try (TinyVm vm = TinyVm.boot();
             RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()),
                     new ClientConfig().extensions(List.of(Encodings.LED_STATE)), new RfbClientHandler() {
                         @Override
                         public void ledState(int state) {
                             SwingUtilities.invokeLater(() -> keys.serverState(state));
                         }
                     })) {
            client.start();
            Eventually.await(Duration.ofSeconds(10), "QEMU's extended key events", client::supportsExtendedKeys);
            client.sendKey(true, 0xffe5, 0x3a);
            client.sendKey(false, 0xffe5, 0x3a);
            Eventually.await(Duration.ofSeconds(10), "the VM's Caps Lock LED", () -> (keys.remoteState() & LockKeys.CAPS_LOCK) != 0);
            Eventually.await(Duration.ofSeconds(5), "Caps Lock applied here or the difference told",
                    () -> toolkit.getLockingKeyState(KeyEvent.VK_CAPS_LOCK)
                            || status.contains("Caps Lock is on on the remote machine and off here"));
        } finally {
            try {
                toolkit.setLockingKeyState(KeyEvent.VK_CAPS_LOCK, false);
            } catch (UnsupportedOperationException e) {
                // X11: it was never set
            }
        }
    }
}
