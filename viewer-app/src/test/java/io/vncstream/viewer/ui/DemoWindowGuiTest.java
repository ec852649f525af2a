package io.vncstream.viewer.ui;

import io.vncstream.viewer.screen.Scaling;
import io.vncstream.viewer.screen.ScreenMapping;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import javax.swing.JComponent;
import javax.swing.JPopupMenu;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JScrollPane;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The window around the screen: the F8 menu, full screen, the dark theme, scaling. */
class DemoWindowGuiTest extends DemoWindowTestBase {

    @Test
    void f8OpensTheMenuOverTheScreenAndIsNotSentToTheServer() {
        assertThat(GuiActionRunner.execute(() -> viewer.consoleTabs().isDevicesShown()))
                .as("the device list (a split pane, which wants F8 for its divider) is shown").isTrue();
        focusScreen();
        long before = demo.scene().inputEvents();
        robot.pressAndReleaseKey(KeyEvent.VK_F8);
        JPopupMenu menu = GuiActionRunner.execute(() -> viewer.f8Menu());
        awaitEdt(menu::isShowing, "the F8 menu is showing");
        // Enough round trips for a stray key event to arrive: the connection keeps updating the clock.
        long updates = GuiActionRunner.execute(() -> viewer.client().updatesReceived());
        await(() -> viewer.client().updatesReceived() > updates + 5, "five more updates arrived");
        assertThat(demo.scene().inputEvents()).as("F8 was not sent to the remote desktop").isEqualTo(before);
        robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE);
        awaitEdt(() -> !menu.isShowing(), "Escape closed the menu");
    }

    @Test
    void fullScreenGivesTheWholeMonitorToTheScreenAndTheDeviceList() {
        GuiActionRunner.execute(() -> viewer.toggleFullScreen());
        awaitEdt(() -> viewer.isFullScreen() && viewer.isShowing(), "full screen");
        robot.waitForIdle();
        Rectangle monitor = GuiActionRunner.execute(() -> viewer.getGraphicsConfiguration().getBounds());
        awaitEdt(() -> viewer.getBounds().equals(monitor), "the window covers the monitor");
        // No room is kept for the hidden toolbar and status line.
        Rectangle tabs = GuiActionRunner.execute(() -> boundsInWindow(viewer.tabs()));
        Rectangle list = GuiActionRunner.execute(() -> boundsInWindow(viewer.devicePanel()));
        assertThat(tabs.y).as("top of the tabs").isZero();
        assertThat(tabs.y + tabs.height).as("bottom of the tabs").isEqualTo(monitor.height);
        assertThat(list.y + list.height).as("bottom of the device list").isEqualTo(monitor.height);
        assertThat(tabs.x + tabs.width).as("right edge of the tabs").isEqualTo(monitor.width);

        GuiActionRunner.execute(() -> viewer.toggleFullScreen());
        awaitEdt(() -> !viewer.isFullScreen() && viewer.isShowing(), "windowed again");
        JToolBar toolbar = robot.finder().findByName(viewer, "toolbar", JToolBar.class, false);
        awaitEdt(toolbar::isShowing, "the toolbar is back");
    }

    @Test
    void theDarkThemeKeepsTheScreenWithoutScrollBarsAndReachesTheF8Menu() {
        JScrollPane scroll = (JScrollPane) window.scrollPane("screenScroll").target();
        assertThat(GuiActionRunner.execute(() -> scrollBarsShown(scroll))).as("scroll bars in the light theme").isFalse();
        window.menuItem("menu.view").click();
        window.menuItem("menu.darkTheme").click();
        awaitEdt(() -> app.theme() == Theme.DARK && UIManager.getLookAndFeel().getName().contains("Dark"), "dark theme");
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> scrollBarsShown(scroll)))
                .as("scroll bars after the theme change (the screen still fits)").isFalse();

        focusScreen();
        robot.pressAndReleaseKey(KeyEvent.VK_F8);
        JPopupMenu menu = GuiActionRunner.execute(() -> viewer.f8Menu());
        awaitEdt(menu::isShowing, "the F8 menu is showing");
        assertThat(GuiActionRunner.execute(() -> menu.getBackground()))
                .as("the F8 menu's background is the dark theme's")
                .isEqualTo(GuiActionRunner.execute(() -> UIManager.getColor("PopupMenu.background")));
        robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE);
        awaitEdt(() -> !menu.isShowing(), "Escape closed the menu");
    }

    @Test
    void fitToWindowFromTheF8MenuScalesKeepingTheAspectRatioAndClicksLandWhereTheyAreShown() {
        focusScreen();
        robot.pressAndReleaseKey(KeyEvent.VK_F8);
        awaitEdt(() -> viewer.f8Menu().isShowing(), "the F8 menu is showing");
        javax.swing.JMenu scalingInF8Menu = GuiActionRunner.execute(() -> find(viewer.f8Menu(), "menu.scaling", javax.swing.JMenu.class));
        robot.click(scalingInF8Menu);
        JRadioButtonMenuItem fitInF8Menu = GuiActionRunner.execute(() -> find(viewer.f8Menu(), "menu.scaling.FIT", JRadioButtonMenuItem.class));
        awaitEdt(fitInF8Menu::isShowing, "the scaling submenu is open");
        robot.click(fitInF8Menu);
        awaitEdt(() -> viewer.screen().scaling() == Scaling.FIT, "fit to window");
        JRadioButtonMenuItem fitInMenuBar = GuiActionRunner.execute(
                () -> find(viewer.getJMenuBar(), "menu.scaling.FIT", JRadioButtonMenuItem.class));
        assertThat(GuiActionRunner.execute(fitInMenuBar::isSelected)).as("View > Scaling ticks the same mode").isTrue();

        // A smaller window: the whole desktop shrinks into it.
        GuiActionRunner.execute(() -> viewer.setSize(900, 600));
        awaitEdt(() -> viewer.screen().getHeight() < 700, "the window is smaller");
        awaitSettled(viewer.screen());
        ScreenMapping m = GuiActionRunner.execute(() -> viewer.screen().mapping());
        int w = GuiActionRunner.execute(() -> viewer.screen().getWidth());
        int h = GuiActionRunner.execute(() -> viewer.screen().getHeight());
        assertThat(m.scale()).isEqualTo(Math.min(w / 1024.0, h / 768.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.scale()).isLessThan(1.0);
        JScrollPane scroll = (JScrollPane) window.scrollPane("screenScroll").target();
        assertThat(GuiActionRunner.execute(() -> scrollBarsShown(scroll))).as("scroll bars when fitted").isFalse();

        // A click on the shown picture reaches the server at the remote point drawn there.
        Point remote = new Point(700, 460);
        Point at = new Point((int) Math.round(m.offsetX() + (remote.x + 0.5) * m.scale()),
                (int) Math.round(m.offsetY() + (remote.y + 0.5) * m.scale()));
        robot.click(viewer.screen(), at);
        await(() -> trailColourAt(remote), "the demo drew the click's dot at " + remote);
    }

    @Test
    void connectionInfoShowsTheServerAndLiveThroughput() {
        // The dialog is drawn by the look and feel (undecorated at the window system), so its
        // position on screen is known at once: without a window manager a natively decorated
        // dialog is placed by guessed insets that robot clicks then miss.
        boolean wasDecorated = javax.swing.JDialog.isDefaultLookAndFeelDecorated();
        javax.swing.JDialog.setDefaultLookAndFeelDecorated(true);
        try {
            checkConnectionInfo();
        } finally {
            javax.swing.JDialog.setDefaultLookAndFeelDecorated(wasDecorated);
        }
    }

    private void checkConnectionInfo() {
        window.button("tool.info").click();
        org.assertj.swing.fixture.DialogFixture info = org.assertj.swing.finder.WindowFinder
                .findDialog("connectionInfo").withTimeout(10_000).using(robot);
        assertThat(info.label("server").text()).isEqualTo(address());
        assertThat(info.label("desktopName").text()).isEqualTo("vncstream demo");
        assertThat(info.label("size").text()).isEqualTo("1024 x 768");
        assertThat(info.label("pixelFormat").text()).startsWith("32 bpp, depth 24");
        assertThat(info.label("encodingsInUse").text()).contains("rects");
        // Live: the numbers move while the dialog is open, and rates appear after the first second.
        long first = leadingNumber(info.label("updates").text());
        awaitEdt(() -> leadingNumber(((javax.swing.JLabel) info.label("updates").target()).getText()) > first + 5,
                "the update count moves on");
        awaitEdt(() -> ((javax.swing.JLabel) info.label("received").target()).getText().matches(".*, [0-9.]+ (B|KiB|MiB)/s"),
                "the received line shows a rate");
        awaitEdt(() -> ((javax.swing.JLabel) info.label("updates").target()).getText().matches("[0-9]+, [0-9.]+/s"),
                "the updates line shows a rate");
        org.assertj.swing.fixture.JButtonFixture close = info.button(org.assertj.swing.core.matcher.JButtonMatcher.withText("Close"));
        awaitSettled(close.target());
        close.click();
        awaitEdt(() -> !viewer.infoDialog().isShowing(), "closed");
    }

    private static long leadingNumber(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([0-9]+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void sendCtrlAltDelFromTheToolbarSendsThreePressesAndThreeReleases() {
        focusScreen();
        long before = demo.scene().inputEvents();
        window.button("tool.ctrlAltDel").click();
        await(() -> demo.scene().inputEvents() >= before + 6, "six key events reached the server");
        long updates = GuiActionRunner.execute(() -> viewer.client().updatesReceived());
        await(() -> viewer.client().updatesReceived() > updates + 5, "five more updates arrived");
        assertThat(demo.scene().inputEvents() - before).as("key events for Ctrl-Alt-Del").isEqualTo(6);
    }

    @Test
    void theDeviceListFoldsAwayAndComesBackFromTheToolbar() {
        JComponent list = GuiActionRunner.execute(() -> viewer.devicePanel());
        assertThat(GuiActionRunner.execute(list::isShowing)).isTrue();
        int screenWidth = GuiActionRunner.execute(() -> viewer.tabs().getWidth());
        window.toggleButton("tool.devices").click();
        awaitEdt(() -> !list.isShowing(), "the device list is hidden");
        awaitEdt(() -> viewer.tabs().getWidth() > screenWidth, "the tabs took its room");
        window.toggleButton("tool.devices").click();
        awaitEdt(list::isShowing, "the device list is back");
    }

    @Test
    void theWindowHasTheApplicationIconAndTheThemeChoiceIsRemembered() {
        assertThat(GuiActionRunner.execute(() -> viewer.getIconImages())).as("icon sizes").hasSizeGreaterThan(1);
        window.menuItem("menu.view").click();
        window.menuItem("menu.darkTheme").click();
        awaitEdt(() -> app.theme() == Theme.DARK, "dark theme");
        assertThat(new ViewerApp(app.config()).theme()).as("the theme of the next start").isEqualTo(Theme.DARK);
    }

    /** Clicks into the screen for the keyboard, and waits until the server has seen the click. */
    private void focusScreen() {
        robot.click(viewer.screen(), new Point(20, 700));
        awaitEdt(() -> viewer.screen().isFocusOwner(), "the screen has the keyboard");
        long[] last = {-1};
        int[] same = {0};
        await(() -> {
            long now = demo.scene().inputEvents();
            same[0] = now == last[0] ? same[0] + 1 : 0;
            last[0] = now;
            sleep(100);
            return same[0] >= 5;
        }, "the server has seen the click");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean trailColourAt(Point p) {
        synchronized (demo.scene().lock()) {
            return (demo.scene().pixels()[p.y * io.vncstream.gateway.demo.DemoScene.WIDTH + p.x] & 0xFFFFFF) == 0xffd166;
        }
    }

    private static boolean scrollBarsShown(JScrollPane scroll) {
        return scroll.getHorizontalScrollBar().isShowing() || scroll.getVerticalScrollBar().isShowing();
    }

    private Rectangle boundsInWindow(JComponent c) {
        return SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), viewer.getRootPane());
    }

    /** A named component anywhere under {@code in}, menus' popups included (shown or not). */
    private static <T extends java.awt.Component> T find(java.awt.Container in, String name, Class<T> type) {
        for (java.awt.Component c : in.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            java.awt.Container next = c instanceof javax.swing.JMenu m ? m.getPopupMenu()
                    : c instanceof java.awt.Container k ? k : null;
            T found = next == null ? null : find(next, name, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
