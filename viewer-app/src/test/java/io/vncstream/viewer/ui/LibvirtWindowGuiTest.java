package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.swing.ToolTipManager;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;
import static io.vncstream.viewer.ui.DemoWindowTestBase.consoleText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer window on a libvirt domain ({@code vncstream --connect qemu:///system DOMAIN}): the
 * screen and the device list come from libvirt, a console tab works, the Domain menu pauses,
 * resumes, forces off, reboots, shuts down and starts the domain, and the window reconnects when
 * it runs again; the guest agent's channel opens only after a confirmation. One domain
 * for the class; the tests run in order, since they change its state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtWindowGuiTest {
    private LibvirtTestDomain vm;
    private Path temp;
    private ViewerApp app;
    private ViewerWindow viewer;
    private FrameFixture window;
    private Robot robot;

    @BeforeAll
    void open() throws Exception {
        TestPeers.requireDisplay();
        vm = LibvirtTestDomain.boot();
        temp = Files.createTempDirectory("libvirt-gui");
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        app.setRememberServers(false);
        app.setConsoleLogDirectory(temp.resolve("logs"));
        GuiActionRunner.execute(() -> {
            ToolTipManager.sharedInstance().setEnabled(false);
            app.theme().apply();
            app.connectToDomain(vm.uri(), vm.name());
        });
        awaitEdt(() -> viewerWindow() != null, "the viewer window opened");
        viewer = GuiActionRunner.execute(this::viewerWindow);
        window = new FrameFixture(viewer);
        robot = window.robot();
    }

    private ViewerWindow viewerWindow() {
        for (Window w : app.windows()) {
            if (w instanceof ViewerWindow v && v.isShowing()) {
                return v;
            }
        }
        return null;
    }

    @AfterEach
    void noDialogIsLeftOpen() {
        List<String> left = OptionPanes.closeLeftovers();
        if (!left.isEmpty()) {
            System.out.println("closed dialogs a failed test left open: " + left);
        }
    }

    @AfterAll
    void close() {
        if (window != null) {
            window.cleanUp();
        }
        if (app != null) {
            GuiActionRunner.execute(() -> {
                for (Window w : new ArrayList<>(app.windows())) {
                    w.dispose();
                }
            });
        }
        if (vm != null) {
            vm.close();
        }
        io.vncstream.rfb.testing.Processes.deleteTree(temp);
    }

    private List<String> devices() {
        return GuiActionRunner.execute(() -> viewer.devicePanel().devices());
    }

    @Test
    @Order(1)
    void theScreenAndTheDeviceListComeFromLibvirtAndTheStateIsInTheTitle() {
        awaitEdt(() -> viewer.screen().image() != null, "the first picture arrived");
        awaitEdt(() -> devices().equals(List.of("serial0", "serial1", "channel0")), "the domain's devices are listed");
        awaitEdt(() -> viewer.getTitle().contains("(running)"), "the title says running: " + viewer.getTitle());
    }

    @Test
    @Order(2)
    void aConsoleTabRunsACommand() {
        ConsoleTab tab = openConsole("serial0");
        robot.enterText("echo $((6*7))z");
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        awaitEdt(() -> consoleText(tab).contains("42z"), "the shell's answer in the tab");
    }

    @Test
    @Order(3)
    void theDomainMenuPausesAndResumes() {
        window.menuItem("domain.pause").click();
        awaitEdt(() -> viewer.getTitle().contains("(paused)"), "the title says paused: " + viewer.getTitle());
        window.menuItem("domain.resume").click();
        awaitEdt(() -> viewer.getTitle().contains("(running)"), "the title says running again");
    }

    @Test
    @Order(4)
    void forceOffAsksFirstAndTheWindowReconnectsWhenTheDomainRunsAgain() throws Exception {
        ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get("serial0"));
        window.menuItem("domain.force_off").click();
        OptionPanes.ok(OptionPanes.find(robot));
        awaitEdt(() -> viewer.getTitle().contains("(shut off)"), "the title says shut off: " + viewer.getTitle());
        awaitEdt(() -> devices().isEmpty(), "a shut off domain lists no devices");
        awaitEdt(() -> !viewer.keeper().isConnected(), "the screen's connection ended");
        LibvirtTestDomain.virsh("start", vm.name());
        awaitEdt(() -> viewer.keeper().isConnected() && viewer.getTitle().contains("(running)"), "reconnected to the running domain");
        // A loaded machine may take a while to start QEMU and let libvirt answer: a minute, not 15 s.
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(60), "the devices are back",
                () -> devices().equals(List.of("serial0", "serial1", "channel0")));
        awaitEdt(() -> tab.capture() != null, "the open console is captured again");
        DemoWindowTestBase.await(() -> consoleText(tab).contains("captured again"), "the gap marker in the console");
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(150), "the new boot's marker in the console",
                () -> GuiActionRunner.execute(() -> consoleText(tab)).contains(io.vncstream.rfb.testing.TinyVmImage.MARKER));
    }

    @Test
    @Order(5)
    void theConnectionWindowsLibvirtPageListsTheDomainWithItsStateAndADoubleClickOpensIt() {
        ViewerWindow second = LibvirtGui.openFromLibvirtPage(app, robot, vm.uri(), vm.name());
        awaitEdt(() -> second.devicePanel().devices().equals(List.of("serial0", "serial1", "channel0")), "its device list");
        awaitEdt(() -> second.screen().image() != null, "its screen");
        GuiActionRunner.execute(second::dispose);
    }

    @Test
    @Order(6)
    void theGuestAgentsChannelOpensOnlyAfterTheUserSaysSo() throws Exception {
        vm.attachGuestAgentChannel();
        try {
            awaitEdt(() -> devices().contains("channel1"), "the guest agent's channel is listed: " + devices());
            awaitSettled(viewer.devicePanel().deviceList());
            window.list("devices").item("channel1  org.qemu.guest_agent.0").doubleClick();
            JOptionPaneFixture ask = OptionPanes.find(robot);
            ask.requireWarningMessage().requireTitle("Open the guest agent's channel?");
            assertThat(ask.target().getMessage().toString())
                    .startsWith("channel1 (org.qemu.guest_agent.0) is the QEMU guest agent's channel.\n"
                            + "libvirt talks to qemu-guest-agent in the VM over it")
                    .contains("Opening it here may disturb them");
            OptionPanes.answer(ask, "Cancel");
            Thread.sleep(500);
            assertThat(GuiActionRunner.execute(() -> viewer.consoles().get("channel1"))).as("no tab after Cancel").isNull();

            window.list("devices").item("channel1  org.qemu.guest_agent.0").doubleClick();
            OptionPanes.answer(OptionPanes.find(robot), "Open anyway");
            try {
                awaitEdt(() -> viewer.consoles().get("channel1") != null && viewer.consoles().get("channel1").capture() != null,
                        "the channel is captured after Open anyway");
            } catch (RuntimeException | AssertionError e) {
                ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get("channel1"));
                throw new AssertionError(e.getMessage() + "; its tab says: "
                        + (tab == null ? "(no tab)" : GuiActionRunner.execute(() -> consoleText(tab))), e);
            }
            GuiActionRunner.execute(() -> viewer.consoles().close("channel1"));
        } finally {
            vm.detachGuestAgentChannel();
        }
        awaitEdt(() -> devices().equals(List.of("serial0", "serial1", "channel0")), "the channel is gone again: " + devices());
    }

    @Test
    @Order(7)
    void rebootFromTheDomainMenuRestartsTheGuestAndTheConsoleShowsTheNewBootAfterAGapLine() throws Exception {
        ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get("serial0"));
        awaitEdt(() -> tab.capture() != null, "serial0 is captured");
        int gaps = occurrences(GuiActionRunner.execute(() -> consoleText(tab)), "captured again");
        window.menuItem("domain.reboot").click();
        // The guest powers off on the power button and libvirt starts it again (a fake reboot).
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(90), "a new gap line in the console",
                () -> occurrences(GuiActionRunner.execute(() -> consoleText(tab)), "captured again") > gaps);
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(150), "the new boot's marker after the gap line", () -> {
            String text = GuiActionRunner.execute(() -> consoleText(tab));
            return text.indexOf(io.vncstream.rfb.testing.TinyVmImage.MARKER, text.lastIndexOf("captured again")) >= 0;
        });
        String text = GuiActionRunner.execute(() -> consoleText(tab));
        assertThat(text.substring(0, text.lastIndexOf("captured again"))).as("the old boot powered off").contains("reboot: Power down");
        assertThat(vm.state()).isEqualTo("running");
        awaitEdt(() -> viewer.keeper().isConnected() && viewer.getTitle().contains("(running)"), "the screen is connected, the domain running");
    }

    @Test
    @Order(8)
    void shutdownShowsTheShutOffStateAndStartBringsTheScreenAndConsolesBack() throws Exception {
        ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get("serial0"));
        window.menuItem("domain.shutdown").click();
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(90), "the title says shut off",
                () -> GuiActionRunner.execute(() -> viewer.getTitle().contains("(shut off)")));
        assertThat(vm.state()).isEqualTo("shut off");
        awaitEdt(() -> devices().isEmpty(), "a shut off domain lists no devices");
        awaitEdt(() -> !viewer.keeper().isConnected(), "the screen's connection ended");
        awaitEdt(() -> window.menuItem("domain.start").target().isEnabled(), "Start is offered");
        int gaps = occurrences(GuiActionRunner.execute(() -> consoleText(tab)), "captured again");
        window.menuItem("domain.start").click();
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(90), "reconnected to the running domain",
                () -> GuiActionRunner.execute(() -> viewer.keeper().isConnected() && viewer.getTitle().contains("(running)")));
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(60), "the devices are back",
                () -> devices().equals(List.of("serial0", "serial1", "channel0")));
        io.vncstream.rfb.testing.Eventually.await(java.time.Duration.ofSeconds(150), "the new boot's marker after a new gap line", () -> {
            String text = GuiActionRunner.execute(() -> consoleText(tab));
            return occurrences(text, "captured again") > gaps
                    && text.indexOf(io.vncstream.rfb.testing.TinyVmImage.MARKER, text.lastIndexOf("captured again")) >= 0;
        });
        awaitEdt(() -> viewer.screen().image() != null, "the screen shows a picture");
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private ConsoleTab openConsole(String device) {
        return LibvirtGui.openConsole(window, viewer, device);
    }
}
