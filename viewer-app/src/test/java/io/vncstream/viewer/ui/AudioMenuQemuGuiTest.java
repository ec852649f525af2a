package io.vncstream.viewer.ui;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.viewer.connect.AppConfig;
import io.vncstream.viewer.connect.ConnectionSettings;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.vncstream.viewer.ui.DemoWindowTestBase.await;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * View > Play remote audio with QEMU: off by default (QEMU is asked for nothing), ticked it
 * enables QEMU's audio stream (QEMU's trace shows the enable), unticked it disables it, and the
 * choice is saved in the settings for the next connections.
 */
class AudioMenuQemuGuiTest {
    @TempDir
    Path temp;
    TinyVm vm;
    ViewerApp app;
    FrameFixture window;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        vm = TinyVm.boot("", List.of("-audiodev", "none,id=snd0", "-device", "AC97,audiodev=snd0",
                "-trace", "vnc_msg_client_audio_enable", "-trace", "vnc_msg_client_audio_disable"));
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        GuiActionRunner.execute(() -> app.theme().apply());
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.cleanUp();
        }
        if (app != null) {
            GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theMenuTurnsQemuAudioOnAndOffAndItIsASetting() throws Exception {
        assertThat(new ConnectionSettings().audio).as("sound is off by default").isFalse();
        assertThat(new ConnectionSettings().toClientConfig().encodings()).contains(Encodings.QEMU_AUDIO);
        ViewerWindow w = GuiActionRunner.execute(() -> app.connectAtOnce(vm.vncAddress()));
        window = new FrameFixture(w);
        awaitEdt(() -> w.keeper().isConnected() && w.client().supportsAudio(), "QEMU acknowledges audio");
        Thread.sleep(500);
        assertThat(vm.log()).as("nothing asked while sound is off").doesNotContain("vnc_msg_client_audio");
        window.menuItem("menu.view").click();
        assertThat(GuiActionRunner.execute(() -> window.menuItem("menu.audio").target().isSelected())).isFalse();
        window.menuItem("menu.audio").click();
        await(() -> log().contains("vnc_msg_client_audio_enable"), "QEMU enables its audio stream");
        assertThat(GuiActionRunner.execute(() -> w.settings().audio)).isTrue();
        Properties stored = new AppConfig(temp.resolve("config")).loadSettings();
        assertThat(ConnectionSettings.load(stored).audio).as("the setting is saved for the next start").isTrue();

        window.menuItem("menu.view").click();
        assertThat(GuiActionRunner.execute(() -> window.menuItem("menu.audio").target().isSelected())).isTrue();
        window.menuItem("menu.audio").click();
        await(() -> log().contains("vnc_msg_client_audio_disable"), "QEMU disables its audio stream");
        assertThat(GuiActionRunner.execute(w::statusText)).isEqualTo("Remote audio off");
        assertThat(ConnectionSettings.load(new AppConfig(temp.resolve("config")).loadSettings()).audio).isFalse();
        assertThat(GuiActionRunner.execute(() -> w.keeper().isConnected())).isTrue();
    }

    private String log() {
        try {
            return vm.log();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
