package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.QmpConnection;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JDialog;
import javax.swing.JFrame;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Power menu with QEMU's {@code power-control=on}: offered once QEMU says XVP, and Reset,
 * once confirmed, resets the VM (QMP's RESET event); cancelled, it does nothing.
 */
class PowerMenuQemuGuiTest {
    @TempDir
    Path temp;
    TinyVm vm;
    ViewerApp app;
    FrameFixture window;
    boolean wasDecorated;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        vm = TinyVm.bootWithPowerControl();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        wasDecorated = JFrame.isDefaultLookAndFeelDecorated();
        GuiActionRunner.execute(() -> {
            app.theme().apply();
            JFrame.setDefaultLookAndFeelDecorated(true);
            JDialog.setDefaultLookAndFeelDecorated(true);
        });
    }

    @AfterEach
    void stop() {
        GuiActionRunner.execute(() -> {
            JFrame.setDefaultLookAndFeelDecorated(wasDecorated);
            JDialog.setDefaultLookAndFeelDecorated(wasDecorated);
        });
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
    void resetAfterConfirmationResetsTheVmAndCancelDoesNot() throws Exception {
        try (QmpConnection qmp = QmpConnection.connect(vm.qmpSocket(), Duration.ofSeconds(5))) {
            ViewerWindow w = GuiActionRunner.execute(() -> app.connectAtOnce(vm.vncAddress()));
            window = new FrameFixture(w);
            awaitEdt(() -> w.keeper().isConnected() && w.actions().power.reset.isEnabled(), "the Power menu is offered");

            window.menuItem("menu.power").click();
            window.menuItem("menu.reset").click();
            JOptionPaneFixture cancel = OptionPanes.find(window.robot());
            cancel.requireMessage("This will reset the remote machine at once, as its reset button would (unsaved work is lost).");
            OptionPanes.cancel(cancel);
            Thread.sleep(1500);
            qmp.executeOk("{\"execute\":\"query-status\"}");
            assertThat(qmp.events()).noneMatch(e -> e.contains("\"RESET\""));

            window.menuItem("menu.power").click();
            window.menuItem("menu.reset").click();
            OptionPanes.ok(OptionPanes.find(window.robot()));
            DemoWindowTestBase.await(() -> {
                try {
                    qmp.executeOk("{\"execute\":\"query-status\"}");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return qmp.events().stream().anyMatch(e -> e.contains("\"RESET\""));
            }, "QMP's RESET event");
        }
    }
}
