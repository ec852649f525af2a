package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.viewer.connect.AppConfig;
import io.vncstream.viewer.screen.RemoteScreen;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.SwingUtilities;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vncstream.viewer.ui.DemoWindowTestBase.await;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's pointer motion change in the viewer, with the tiny VM: PS/2 mouse only at first, so
 * QEMU asks for relative motion; a click grabs the pointer (hidden, kept in the middle), a move
 * reaches QEMU's input layer as exactly that motion (QEMU's {@code input_event_rel} trace: the
 * tiny kernel has no mouse driver, so the guest itself cannot show it), and Ctrl+Alt releases
 * the grab, after which moves send nothing. The VM's USB tablet, made the current mouse
 * ({@code mouse_set}: the tiny kernel has no USB HID driver to activate it itself), makes QEMU
 * say absolute, and the viewer sends positions again ({@code input_event_abs}).
 */
class RelativePointerQemuGuiTest {
    private static final Pattern REL = Pattern.compile("input_event_rel .*axis (x|y), value (-?\\d+)");

    @TempDir
    Path temp;
    TinyVm vm;
    ViewerApp app;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        vm = TinyVm.boot("", List.of("-usb", "-device", "usb-tablet,id=tablet0",
                "-trace", "input_event_rel", "-trace", "input_event_abs"));
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        GuiActionRunner.execute(() -> app.theme().apply());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void relativeMotionWhileGrabbedCtrlAltReleasesAndATabletMeansAbsolute() throws Exception {
        String mice = vm.qmp().executeOk("{\"execute\":\"query-mice\"}");
        assertThat(mice).as("query-mice").containsPattern("\"name\": \"QEMU PS/2 Mouse\", \"current\": true, \"absolute\": false");
        ViewerWindow w = GuiActionRunner.execute(() -> app.connectAtOnce(vm.vncAddress()));
        RemoteScreen screen = w.screen();
        awaitEdt(() -> w.keeper().isConnected() && screen.image() != null && screen.isRelativePointer(),
                "QEMU asks the viewer for relative motion");
        Thread.sleep(500); // the window settles where the window manager puts it

        Robot robot = new Robot();
        robot.setAutoDelay(20);
        Point middle = GuiActionRunner.execute(() -> {
            Rectangle v = screen.getVisibleRect();
            Point p = new Point(v.x + v.width / 2, v.y + v.height / 2);
            SwingUtilities.convertPointToScreen(p, screen);
            return p;
        });
        robot.mouseMove(middle.x - 100, middle.y - 80);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        awaitEdt(screen::isPointerGrabbed, "the click grabs the pointer");
        assertThat(GuiActionRunner.execute(w::statusText)).contains("press Ctrl+Alt to release it");
        assertThat(GuiActionRunner.execute(() -> screen.getCursor().getName())).isEqualTo("vncstream grabbed pointer");
        await(() -> MouseInfo.getPointerInfo().getLocation().equals(middle), "the pointer is put in the middle");
        int before = motions(vm.log()).size();

        robot.mouseMove(middle.x + 30, middle.y + 20);
        awaitTrace(() -> motions(log()).subList(before, motions(log()).size()).containsAll(List.of("x 30", "y 20")),
                "QEMU's input layer gets the motion (30, 20)");
        await(() -> MouseInfo.getPointerInfo().getLocation().equals(middle), "the pointer goes back to the middle");
        robot.mouseMove(middle.x - 7, middle.y + 5);
        awaitTrace(() -> motions(log()).subList(before, motions(log()).size()).containsAll(List.of("x -7", "y 5")),
                "QEMU's input layer gets the motion (-7, 5)");
        assertThat(motions(log()).subList(before, motions(log()).size()))
                .as("every motion QEMU got is one the pointer made (no warp sent back)")
                .allMatch(m -> List.of("x 30", "y 20", "x -7", "y 5", "x 0", "y 0").contains(m));

        robot.keyPress(KeyEvent.VK_CONTROL);
        robot.keyPress(KeyEvent.VK_ALT);
        robot.keyRelease(KeyEvent.VK_ALT);
        robot.keyRelease(KeyEvent.VK_CONTROL);
        awaitEdt(() -> !screen.isPointerGrabbed(), "Ctrl+Alt releases the pointer");
        assertThat(GuiActionRunner.execute(w::statusText)).startsWith("Pointer released");
        assertThat(GuiActionRunner.execute(() -> screen.getCursor().getName())).isNotEqualTo("vncstream grabbed pointer");
        Thread.sleep(300);
        int released = motions(vm.log()).size();
        robot.mouseMove(middle.x + 60, middle.y + 40);
        robot.mouseMove(middle.x + 90, middle.y - 40);
        Thread.sleep(1000);
        assertThat(motions(vm.log()).size()).as("no motion sent once released").isEqualTo(released);
        assertThat(MouseInfo.getPointerInfo().getLocation()).as("the pointer is free").isEqualTo(new Point(middle.x + 90, middle.y - 40));

        String tabletIndex = mouseIndex(vm.qmp().executeOk("{\"execute\":\"query-mice\"}"), "QEMU HID Tablet");
        vm.qmp().executeOk("{\"execute\":\"human-monitor-command\",\"arguments\":{\"command-line\":\"mouse_set "
                + tabletIndex + "\"}}");
        awaitEdt(() -> !screen.isRelativePointer(), "the tablet makes QEMU ask for absolute positions");
        int absBefore = count(vm.log(), "input_event_abs");
        robot.mouseMove(middle.x + 10, middle.y + 10);
        awaitTrace(() -> count(log(), "input_event_abs") > absBefore, "QEMU's input layer gets an absolute position");
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Thread.sleep(300);
        assertThat(GuiActionRunner.execute(screen::isPointerGrabbed)).as("a click does not grab in absolute mode").isFalse();
    }

    /** Waits for {@code check}; a timeout says what QEMU's trace holds. */
    private void awaitTrace(java.util.function.Supplier<Boolean> check, String description) {
        try {
            await(check, description);
        } catch (RuntimeException e) {
            throw new AssertionError(description + " timed out; QEMU's relative motions: " + motions(log())
                    + ", absolute events: " + count(log(), "input_event_abs") + "; log tail:\n" + vm.logTail(), e);
        }
    }

    private String log() {
        try {
            return vm.log();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The relative motions in QEMU's trace, in order, as "x 30". */
    private static List<String> motions(String log) {
        List<String> out = new ArrayList<>();
        Matcher m = REL.matcher(log);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    private static int count(String log, String word) {
        int n = 0;
        for (int i = log.indexOf(word); i >= 0; i = log.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static String mouseIndex(String mice, String name) {
        Matcher m = Pattern.compile("\"index\": (\\d+), \"name\": \"" + Pattern.quote(name) + "\"").matcher(mice);
        assertThat(m.find()).as(name + " in " + mice).isTrue();
        return m.group(1);
    }
}
