package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JPasswordField;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GUI against Xvnc speaking VeNCrypt (X509Vnc with a certificate no trusted CA signed): the
 * certificate dialog shows the certificate and, answered "Accept always", keeps it so that the
 * next connection does not ask; the status bar says TLS version, cipher and how the server was
 * verified. The password dialog asks for a user name when the server wants Plain, and an
 * unencrypted connection to another machine shows a warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureConnectionGuiTest {
    private static final String PASSWORD = "gui-tls-pw";

    Path temp;
    TestCertificates.Pair cert;
    Path caCert;
    XvncServer xvnc;
    ViewerApp app;
    FrameFixture window;
    Robot robot;
    boolean wasDecorated;

    @BeforeAll
    void startServer() throws Exception {
        TestPeers.requireDisplay();
        temp = Files.createTempDirectory("secure-gui");
        TestCertificates ca = TestCertificates.create(temp, "test CA");
        caCert = ca.caCert();
        cert = ca.server("server", "DNS:localhost,IP:127.0.0.1");
        xvnc = XvncServer.builder().geometry(320, 240).vncAuth(PASSWORD).securityTypes("X509Vnc,TLSVnc", cert).start();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        wasDecorated = JFrame.isDefaultLookAndFeelDecorated();
        GuiActionRunner.execute(() -> {
            app.theme().apply();
            JFrame.setDefaultLookAndFeelDecorated(true);
            JDialog.setDefaultLookAndFeelDecorated(true);
        });
    }

    @BeforeEach
    void openConnectWindow() {
        ConnectWindow w = GuiActionRunner.execute(() -> {
            ConnectWindow c = app.showConnectWindow(xvnc.address(), false);
            c.x509Ca.setText(""); // no test but the one about it trusts the CA (the field is remembered)
            return c;
        });
        window = new FrameFixture(w);
        robot = window.robot();
        awaitSettled(w.connectButton);
    }

    @AfterEach
    void closeWindows() {
        if (window != null) {
            window.cleanUp();
        }
        GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
    }

    @AfterAll
    void stop() {
        GuiActionRunner.execute(() -> {
            JFrame.setDefaultLookAndFeelDecorated(wasDecorated);
            JDialog.setDefaultLookAndFeelDecorated(wasDecorated);
        });
        if (xvnc != null) {
            xvnc.close();
        }
        Processes.deleteTree(temp);
    }

    @Test
    void anUnknownCertificateIsShownAndAcceptedAlwaysIsNotAskedAgain() throws Exception {
        String fingerprint = Fingerprint.of(certificate(cert.cert()));
        window.textBox("securityTypes").setText("X509Vnc");
        window.button("connect").click();

        DialogFixture dialog = WindowFinder.findDialog("certificateDialog").withTimeout(15_000).using(robot);
        dialog.textBox("certificateFingerprint").requireText(fingerprint);
        assertThat(dialog.textBox("certificateSubject").text()).isEqualTo("CN=localhost");
        assertThat(dialog.textBox("certificateIssuer").text()).isEqualTo("CN=test CA");
        assertThat(dialog.textBox("certificateValidity").text()).contains(" to ");
        assertThat(dialog.textBox("certificateNames").text()).isEqualTo("DNS:localhost, IP:127.0.0.1");
        assertThat(dialog.label("certificateProblem").text())
                .isEqualTo("The certificate of 127.0.0.1:" + xvnc.port() + " is not trusted: not signed by a trusted"
                        + " certificate authority.");
        dialog.button("acceptAlways").click();
        typePassword(PASSWORD);
        ViewerWindow viewer = awaitViewer();
        assertThat(GuiActionRunner.execute(viewer::securityText))
                .startsWith("TLS: TLSv1.3, TLS_").endsWith(", certificate accepted by you");
        assertThat(GuiActionRunner.execute(viewer::unencryptedWarningShown)).isFalse();

        Path known = temp.resolve("config/known-certificates");
        assertThat(Files.readString(known)).contains("127.0.0.1:" + xvnc.port() + " " + fingerprint);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(known))).isEqualTo("rw-------");

        // Again, from a new connection window: the password is asked, the certificate is not.
        closeWindows();
        openConnectWindow();
        assertThat(window.textBox("securityTypes").text()).as("remembered").isEqualTo("X509Vnc");
        window.button("connect").click();
        typePassword(PASSWORD);
        ViewerWindow again = awaitViewer();
        assertThat(GuiActionRunner.execute(again::securityText))
                .endsWith(", server verified (certificate accepted before)");
        assertThat(app.windows()).noneMatch(w -> "certificateDialog".equals(w.getName()) && w.isShowing());
    }

    @Test
    void cancellingTheCertificateLeavesTheConnectWindowWithTheReason() throws Exception {
        Path known = temp.resolve("config/known-certificates");
        Files.deleteIfExists(known);
        window.textBox("securityTypes").setText("X509Vnc");
        window.button("connect").click();
        DialogFixture dialog = WindowFinder.findDialog("certificateDialog").withTimeout(15_000).using(robot);
        dialog.button("cancelCertificate").click();
        ConnectWindow connect = (ConnectWindow) window.target();
        awaitEdt(() -> connect.messageText().contains("was not accepted"), "the refusal is shown");
        assertThat(GuiActionRunner.execute(connect::messageText)).startsWith("Secure connection failed: the certificate of"
                + " 127.0.0.1:" + xvnc.port() + " (not signed by a trusted certificate authority, SHA256:");
        assertThat(known).doesNotExist();
    }

    @Test
    void aCaFileInTheOptionsVerifiesTheServerWithoutAsking() {
        window.textBox("securityTypes").setText("X509Vnc");
        window.textBox("x509Ca").setText(caCert.toString());
        window.button("connect").click();
        typePassword(PASSWORD);
        ViewerWindow viewer = awaitViewer();
        assertThat(GuiActionRunner.execute(viewer::securityText)).startsWith("TLS: TLSv1.3, ").endsWith(", server verified");
    }

    @Test
    void anonymousTlsSaysTheServerIsNotVerified() {
        window.textBox("securityTypes").setText("tlsvnc");
        window.button("connect").click();
        typePassword(PASSWORD);
        ViewerWindow viewer = awaitViewer();
        assertThat(GuiActionRunner.execute(viewer::securityText))
                .startsWith("TLS: TLSv1.2, TLS_DH_anon_").endsWith(", encrypted, server not verified");
    }

    @Test
    void invalidSecurityTypesAreReportedUnderTheForm() {
        window.textBox("securityTypes").setText("X509Vnc,Kerberos");
        window.button("connect").click();
        ConnectWindow connect = (ConnectWindow) window.target();
        awaitEdt(() -> connect.messageText().startsWith("Invalid security types"), "the error is shown");
        assertThat(GuiActionRunner.execute(connect::messageText)).startsWith("Invalid security types: unknown security"
                + " type 'Kerberos'");
    }

    @Test
    void plainAsksForAUserNameAndAPassword() throws Exception {
        PasswordPrompt prompt = new PasswordPrompt(() -> window.target());
        CompletableFuture<Credentials> asked = CompletableFuture.supplyAsync(() -> {
            try {
                return prompt.credentials("vnc.example.org::5901", null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        DialogFixture dialog = WindowFinder.findDialog("passwordDialog").withTimeout(15_000).using(robot);
        awaitEdt(() -> dialog.textBox("user").target().isFocusOwner(), "the user field has the keyboard");
        robot.enterText("alice");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        awaitEdt(() -> dialog.textBox("password").target().isFocusOwner(), "Enter moves to the password");
        robot.enterText("pw");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        Credentials c = asked.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(c.user()).isEqualTo("alice");
        assertThat(new String(c.password())).isEqualTo("pw");
    }

    @Test
    void anUnencryptedConnectionToAnotherMachineShowsAWarningAndToThisOneDoesNot() {
        SecurityIndicator indicator = GuiActionRunner.execute(SecurityIndicator::new);
        ConnectionSecurity plain = ConnectionSecurity.unencrypted(SecurityType.VNC_AUTH);
        GuiActionRunner.execute(() -> indicator.show(plain, ServerAddress.parse("192.0.2.7:1")));
        assertThat(GuiActionRunner.execute(indicator::warningShown)).isTrue();
        assertThat(GuiActionRunner.execute(indicator::text)).isEqualTo("Unencrypted");
        GuiActionRunner.execute(() -> indicator.show(plain, ServerAddress.parse("127.0.0.1:1")));
        assertThat(GuiActionRunner.execute(indicator::warningShown)).isFalse();
        GuiActionRunner.execute(() -> indicator.show(plain, ServerAddress.parse("unix:/tmp/vnc.sock")));
        assertThat(GuiActionRunner.execute(indicator::warningShown)).isFalse();
    }

    private ViewerWindow awaitViewer() {
        awaitEdt(() -> app.windows().stream().anyMatch(w -> w instanceof ViewerWindow v && v.screen().image() != null),
                "the viewer window shows the Xvnc desktop");
        return (ViewerWindow) GuiActionRunner.execute(() -> app.windows().stream()
                .filter(w -> w instanceof ViewerWindow).findFirst().orElseThrow());
    }

    private void typePassword(String password) {
        DialogFixture dialog = WindowFinder.findDialog("passwordDialog").withTimeout(15_000).using(robot);
        JPasswordField field = (JPasswordField) dialog.textBox("password").target();
        awaitEdt(field::isFocusOwner, "the password field has the keyboard");
        robot.enterText(password);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        awaitEdt(() -> !field.isShowing(), "the password dialog closed");
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
