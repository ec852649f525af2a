package io.vncstream.viewer.ui;

import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;

import javax.swing.ToolTipManager;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

/** The steps the libvirt GUI tests share: the app, the connection window's libvirt page, a console tab. */
final class LibvirtGui {
    /** The test domain's devices as a viewer window lists them. */
    static final List<String> DEVICES = List.of("serial0", "serial1", "channel0");

    private LibvirtGui() {
    }

    /** A viewer app with its configuration and console logs in {@code temp}, themed (EDT). */
    static ViewerApp app(Path temp) {
        ViewerApp app = new ViewerApp(new AppConfig(temp.resolve("config")));
        app.setRememberServers(false);
        app.setConsoleLogDirectory(temp.resolve("logs"));
        GuiActionRunner.execute(() -> {
            ToolTipManager.sharedInstance().setEnabled(false);
            app.theme().apply();
        });
        return app;
    }

    /**
     * Opens the connection window's libvirt page, lists {@code uri}'s domains, checks that
     * {@code domain} is listed as running and the URI remembered, and double-clicks it: the
     * viewer window that took the connection window's place.
     */
    static ViewerWindow openFromLibvirtPage(ViewerApp app, Robot robot, String uri, String domain) {
        List<Window> before = GuiActionRunner.execute(() -> new ArrayList<>(app.windows()));
        ConnectWindow cw = GuiActionRunner.execute(() -> app.showConnectWindow(null, false));
        FrameFixture connect = new FrameFixture(robot, cw);
        DemoWindowTestBase.raise((javax.swing.JComponent) cw.getContentPane());
        connect.tabbedPane("connectPages").selectTab("libvirt");
        awaitEdt(() -> cw.libvirtPage.isShowing(), "the libvirt page is shown");
        connect.textBox("libvirtUri").deleteText().enterText(uri);
        connect.button("libvirtRefresh").click();
        awaitEdt(() -> cw.libvirtPage.listed().contains(domain + " running"),
                "the test domain is listed as running");
        assertThat(GuiActionRunner.execute(app::libvirtUri)).as("the URI is remembered").isEqualTo(uri);
        int index = GuiActionRunner.execute(() -> cw.libvirtPage.listed().indexOf(domain + " running"));
        connect.list("libvirtDomains").item(index).doubleClick();
        awaitEdt(() -> !cw.isDisplayable(), "the connection window closed");
        awaitEdt(() -> app.windows().size() == before.size() + 1, "a viewer window took its place");
        ViewerWindow opened = GuiActionRunner.execute(() -> {
            for (Window w : app.windows()) {
                if (w instanceof ViewerWindow v && !before.contains(v)) {
                    return v;
                }
            }
            return null;
        });
        assertThat(opened).isNotNull();
        return opened;
    }

    /** Double-clicks {@code device} in the window's device list: its console tab, captured and focused. */
    static ConsoleTab openConsole(FrameFixture window, ViewerWindow viewer, String device) {
        awaitSettled(viewer.devicePanel().deviceList());
        window.list("devices").item(device).doubleClick();
        awaitEdt(() -> viewer.consoles().selected() != null && viewer.consoles().selected().device().equals(device),
                "the console tab of " + device + " is selected");
        ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get(device));
        awaitEdt(() -> tab.capture() != null, device + " is captured");
        awaitEdt(() -> tab.session().component().isFocusOwner(), "the terminal has the keyboard focus");
        return tab;
    }

    /** Disposes every window of the app (EDT). */
    static void closeAll(ViewerApp app) {
        if (app != null) {
            GuiActionRunner.execute(() -> {
                for (Window w : new ArrayList<>(app.windows())) {
                    w.dispose();
                }
            });
        }
    }
}
