package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.ssh.testing.TestSshd;
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
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection window's "Via SSH host" field end to end: a real sshd in front of a real Xvnc,
 * the unknown host key asked about in a dialog that shows its fingerprint, the screen shown,
 * and the SSH host remembered with the recent server.
 */
class ConnectWindowViaSshGuiTest {
    @TempDir
    Path temp;
    XvncServer xvnc;
    TestSshd sshd;
    ViewerApp app;
    FrameFixture window;
    Robot robot;
    boolean wasDecorated;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        xvnc = XvncServer.builder().geometry(640, 480).start();
        sshd = TestSshd.start();
        sshd.clientSystemProperties().forEach(System::setProperty);
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        wasDecorated = JFrame.isDefaultLookAndFeelDecorated();
        ConnectWindow w = GuiActionRunner.execute(() -> {
            app.theme().apply();
            JFrame.setDefaultLookAndFeelDecorated(true);
            JDialog.setDefaultLookAndFeelDecorated(true);
            // as the SSH host sees it: its own Xvnc
            return app.showConnectWindow("localhost::" + xvnc.port(), false);
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
        if (sshd != null) {
            sshd.clientSystemProperties().keySet().forEach(System::clearProperty);
            sshd.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void theHostKeyIsAskedAboutInADialogAndTheScreenComesThroughTheTunnel() throws Exception {
        String address = "localhost::" + xvnc.port();
        window.textBox("via").enterText(sshd.address());
        window.button("connect").click();

        DialogFixture dialog = WindowFinder.findDialog("sshHostKeyDialog").withTimeout(15_000).using(robot);
        assertThat(dialog.textBox("fingerprint").text()).isEqualTo(sshd.hostKeyFingerprint());
        dialog.button(new org.assertj.swing.core.GenericTypeMatcher<javax.swing.JButton>(javax.swing.JButton.class) {
            @Override
            protected boolean isMatching(javax.swing.JButton b) {
                return "Connect".equals(b.getText()) && b.isShowing();
            }
        }).click();

        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "the viewer window shows the Xvnc desktop through the tunnel");
        ViewerWindow viewer = (ViewerWindow) GuiActionRunner.execute(() -> app.windows().get(0));
        assertThat(GuiActionRunner.execute(() -> viewer.screen().image().getWidth())).isEqualTo(640);
        assertThat(Files.readString(sshd.knownHosts())).startsWith(sshd.knownHostsName() + " ssh-ed25519 ");

        // Remembered with the recent server: the next connection window brings the SSH host back.
        assertThat(app.config().recentServers()).first().isEqualTo(address);
        assertThat(app.config().viaFor(address)).isEqualTo(sshd.address());
        ConnectWindow again = GuiActionRunner.execute(() -> app.showConnectWindow(null, false));
        assertThat(GuiActionRunner.execute(() -> again.via.getText())).isEqualTo(sshd.address());
        GuiActionRunner.execute(again::dispose);
    }

    /** {@code vncstream --via HOST ADDRESS}: straight to the viewer window, through the tunnel. */
    @Test
    void theCommandLinesViaConnectsAtOnce() throws Exception {
        sshd.trustHostKey();
        String address = "localhost::" + xvnc.port();
        GuiActionRunner.execute(() -> {
            window.target().dispose();
            app.setInitialVia(sshd.address());
            app.connectAtOnce(address);
        });
        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "the viewer window shows the Xvnc desktop through the tunnel");
        ViewerWindow viewer = (ViewerWindow) GuiActionRunner.execute(
                () -> app.windows().stream().filter(w -> w instanceof ViewerWindow).findFirst().orElseThrow());
        assertThat(GuiActionRunner.execute(() -> viewer.settings().via)).isEqualTo(sshd.address());
        assertThat(app.config().viaFor(address)).isEqualTo(sshd.address());
    }

    /** A reconnect refused by SSH (here the host key changed meanwhile) waits for the user instead of asking again and again. */
    @Test
    void aReconnectRefusedBySshWaitsForTheUser() throws Exception {
        sshd.trustHostKey();
        GuiActionRunner.execute(() -> {
            window.target().dispose();
            app.setInitialVia(sshd.address());
            app.connectAtOnce("localhost::" + xvnc.port());
        });
        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "connected through the tunnel");
        ViewerWindow viewer = (ViewerWindow) GuiActionRunner.execute(
                () -> app.windows().stream().filter(w -> w instanceof ViewerWindow).findFirst().orElseThrow());
        Path other = sshd.dir().resolve("other");
        TestSshd.keygen(other, "");
        String[] k = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        Files.writeString(sshd.knownHosts(), sshd.knownHostsName() + " " + k[0] + " " + k[1] + "\n");

        GuiActionRunner.execute(() -> viewer.keeper().reconnectNow());
        awaitEdt(() -> viewer.banner().message().contains("Use Reconnect to try again"), "the refusal waits for the user");
        assertThat(GuiActionRunner.execute(() -> viewer.banner().message())).contains("has CHANGED")
                .doesNotContain("Trying again in");
    }

    @Test
    void anEncryptedKeysPassphraseIsAskedInADialog() throws Exception {
        sshd.trustHostKey();
        sshd.authorizeNewClientKey("id_ecdsa", "dialog passphrase");
        Files.delete(sshd.sshDir().resolve("id_ed25519"));
        window.textBox("via").enterText(sshd.address());
        window.button("connect").click();

        DialogFixture dialog = WindowFinder.findDialog("sshPassphraseDialog").withTimeout(15_000).using(robot);
        javax.swing.JPasswordField field = (javax.swing.JPasswordField) dialog.textBox("secret").target();
        awaitEdt(field::isFocusOwner, "the passphrase field has the keyboard");
        assertThat(GuiActionRunner.execute(() -> (int) field.getEchoChar())).as("echo character").isNotZero();
        robot.enterText("dialog passphrase");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "the viewer window shows the Xvnc desktop, logged in with the encrypted key");
    }

    @Test
    void aChangedHostKeyIsShownInWordsUnderTheForm() throws Exception {
        Path other = sshd.dir().resolve("other");
        TestSshd.keygen(other, "");
        String[] k = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        sshd.appendKnownHost(sshd.knownHostsName() + " " + k[0] + " " + k[1]);
        ConnectWindow connect = (ConnectWindow) window.target();
        window.textBox("via").enterText(sshd.address());
        window.button("connect").click();
        awaitEdt(() -> connect.messageText().contains("CHANGED"), "the refusal is shown");
        assertThat(GuiActionRunner.execute(connect::messageText))
                .startsWith("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": the ED25519 host key of "
                        + sshd.knownHostsName() + " has CHANGED")
                .contains(sshd.hostKeyFingerprint());
    }
}
