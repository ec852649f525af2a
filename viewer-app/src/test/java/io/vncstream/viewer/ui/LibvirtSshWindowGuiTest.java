package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.ssh.testing.TestSshd;
import org.assertj.swing.core.Robot;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.consoleText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection window's libvirt page with {@code qemu+ssh://root@127.0.0.1:PORT/system}: a real
 * sshd on loopback (its own host key, already known; an authorized key in the test's client
 * HOME) in front of the system libvirt, as a remote host. The page lists the test domain over
 * SSH; opening it shows the screen (through a direct-tcpip channel) and the device list, and a
 * console tab on the pty serial runs a command (virsh console on an exec channel with a pty).
 * When the host goes away with every SSH session and comes back, the window makes the SSH
 * connection again: the screen and the console tab return, the console below a gap line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibvirtSshWindowGuiTest {
    private LibvirtTestDomain vm;
    private TestSshd sshd;
    private Path temp;
    private ViewerApp app;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    void open() throws Exception {
        TestPeers.requireDisplay();
        vm = LibvirtTestDomain.boot();
        sshd = TestSshd.start();
        sshd.trustHostKey();
        sshd.clientSystemProperties().forEach(System::setProperty);
        temp = Files.createTempDirectory("libvirt-ssh-gui");
        FailOnThreadViolationRepaintManager.install();
        app = LibvirtGui.app(temp);
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
    }

    @AfterAll
    void close() {
        if (window != null) {
            window.cleanUp();
        } else if (robot != null) {
            robot.cleanUp();
        }
        LibvirtGui.closeAll(app);
        if (sshd != null) {
            sshd.clientSystemProperties().keySet().forEach(System::clearProperty);
            sshd.close();
        }
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(temp);
    }

    @Test
    void theLibvirtPageListsTheRemoteDomainAndItsWindowShowsTheScreenDevicesAndAConsoleThatComeBackAfterTheSshConnectionIsLost() throws Exception {
        String uri = "qemu+ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + "/system";
        ViewerWindow viewer = LibvirtGui.openFromLibvirtPage(app, robot, uri, vm.name());
        window = new FrameFixture(robot, viewer);
        awaitEdt(() -> viewer.screen().image() != null, "the screen came through the SSH tunnel");
        awaitEdt(() -> viewer.devicePanel().devices().equals(LibvirtGui.DEVICES), "the domain's devices are listed");
        awaitEdt(() -> viewer.getTitle().contains(vm.name()), "the title names the domain: " + viewer.getTitle());
        ConsoleTab tab = LibvirtGui.openConsole(window, viewer, "serial0");
        robot.enterText("echo $((6*7))s");
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        awaitEdt(() -> consoleText(tab).contains("42s"), "the shell's answer in the tab, over SSH");

        // The host goes away with every SSH session (a cut network, a restarted sshd) and comes back.
        sshd.stopServing();
        awaitEdt(() -> !viewer.keeper().isConnected(), "the screen's connection ended with the SSH connection");
        awaitEdt(() -> tab.capture() == null, "the console's capture ended with it");
        sshd.serveAgain();
        Eventually.await(Duration.ofSeconds(90), "the screen is back through a new SSH connection",
                () -> GuiActionRunner.execute(() -> viewer.keeper().isConnected() && viewer.screen().image() != null));
        Eventually.await(Duration.ofSeconds(90), "the console is captured again below a gap line",
                () -> GuiActionRunner.execute(() -> tab.capture() != null && consoleText(tab).contains("captured again")));
        GuiActionRunner.execute(() -> tab.session().component().requestFocusInWindow());
        awaitEdt(() -> tab.session().component().isFocusOwner(), "the terminal has the keyboard focus again");
        robot.enterText("echo $((6*8))s");
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        awaitEdt(() -> consoleText(tab).contains("48s"), "the shell answers again, over the new SSH connection");
        assertThat(GuiActionRunner.execute(() -> viewer.devicePanel().devices())).isEqualTo(LibvirtGui.DEVICES);
    }
}
