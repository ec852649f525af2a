package io.vncstream.viewer.ui;

import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream --connect URI DOMAIN}: the viewer window shows at once, while libvirt is still
 * being asked (the start-up's critical path); a domain libvirt does not have brings the
 * connection window with the reason instead. The system libvirt, no domain of ours.
 */
class DomainWindowGuiTest {
    @TempDir
    Path temp;
    ViewerApp app;
    AutoCloseable daemons;

    @BeforeEach
    void app() throws Exception {
        TestPeers.requireDisplay();
        daemons = LibvirtTestDomain.daemons();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp));
        app.setRememberServers(false);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
        }
        if (daemons != null) {
            daemons.close();
        }
    }

    @Test
    void theWindowShowsAtOnceAndAnUnknownDomainBringsTheConnectionWindowWithTheReason() throws Exception {
        String domain = "vncstream-no-such-domain-" + ProcessHandle.current().pid();
        ViewerWindow viewer = GuiActionRunner.execute(() -> {
            app.connectToDomain(LibvirtTestDomain.URI, domain);
            // Before libvirt could have answered (the event thread did not let go in between).
            return app.windows().size() == 1 && app.windows().get(0) instanceof ViewerWindow v && v.isShowing() ? v : null;
        });
        assertThat(viewer).as("a viewer window showing as soon as connectToDomain returns").isNotNull();
        assertThat(GuiActionRunner.execute(() -> viewer.settings().address)).isEqualTo(domain + " on " + LibvirtTestDomain.URI);
        awaitEdt(() -> app.windows().size() == 1 && app.windows().get(0) instanceof ConnectWindow,
                "the viewer window gave way to the connection window");
        ConnectWindow w = (ConnectWindow) GuiActionRunner.execute(() -> app.windows().get(0));
        assertThat(GuiActionRunner.execute(w::messageText)).startsWith("no domain '" + domain + "' on qemu:///system");
        assertThat(GuiActionRunner.execute(viewer::isDisplayable)).isFalse();
    }
}
