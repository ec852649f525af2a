package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JPasswordField;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/** The connection window against a TigerVNC Xvnc that wants a password (VncAuth, -rfbauth). */
class ConnectWindowXvncGuiTest {
    private static final String PASSWORD = "s3cret-pw";

    @TempDir
    Path temp;
    XvncServer xvnc;
    ViewerApp app;
    FrameFixture window;
    Robot robot;
    boolean wasDecorated;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        xvnc = XvncServer.builder().geometry(640, 480).vncAuth(PASSWORD).start();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        // The connection window (a frame) and the password dialog are drawn by the look and feel,
        // undecorated at the window system: Xvfb has no window manager, and natively decorated
        // windows are placed by guessed insets that robot clicks then miss.
        wasDecorated = JFrame.isDefaultLookAndFeelDecorated();
        ConnectWindow w = GuiActionRunner.execute(() -> {
            app.theme().apply();
            JFrame.setDefaultLookAndFeelDecorated(true);
            JDialog.setDefaultLookAndFeelDecorated(true);
            return app.showConnectWindow(xvnc.address(), false);
        });
        window = new FrameFixture(w);
        robot = window.robot();
        awaitSettled(w.connectButton);
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
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void aWrongPasswordIsReportedInWordsAndTheRightOneConnects() throws Exception {
        ConnectWindow connect = (ConnectWindow) window.target();
        window.button("connect").click();
        typePassword("not-the-password");
        awaitEdt(() -> connect.messageText().startsWith("Authentication failed"), "the failure is shown");
        String message = GuiActionRunner.execute(connect::messageText);
        assertThat(message).isEqualTo("Authentication failed: the server says \"Authentication failure\".");
        // The user corrects the address or tries again from where the cursor is: the address field.
        awaitEdt(() -> focusOwner() == connect.address.getEditor().getEditorComponent(), "the address has the keyboard");

        window.button("connect").click();
        typePassword(PASSWORD);
        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "the viewer window shows the Xvnc desktop");
        ViewerWindow viewer = (ViewerWindow) GuiActionRunner.execute(() -> app.windows().get(0));
        assertThat(GuiActionRunner.execute(() -> viewer.screen().image().getWidth())).isEqualTo(640);
        // Remembered: the server, never the password.
        try (Stream<Path> files = Files.walk(temp.resolve("config"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PASSWORD).doesNotContain("not-the-password");
            }
        }
        assertThat(app.config().recentServers()).first().isEqualTo(xvnc.address());
    }

    /** Types into the password dialog as a user does; the field never shows the characters. */
    private void typePassword(String password) {
        DialogFixture dialog = WindowFinder.findDialog("passwordDialog").withTimeout(15_000).using(robot);
        JPasswordField field = (JPasswordField) dialog.textBox("password").target();
        awaitEdt(field::isFocusOwner, "the password field has the keyboard");
        assertThat(GuiActionRunner.execute(() -> (int) field.getEchoChar())).as("echo character").isNotZero();
        robot.enterText(password);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        awaitEdt(() -> !field.isShowing(), "the password dialog closed");
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }
}
