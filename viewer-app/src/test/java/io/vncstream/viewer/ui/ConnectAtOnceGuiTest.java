package io.vncstream.viewer.ui;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Window;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code vncstream ADDRESS}: the viewer window opens at once; a failure brings the connection window with the reason. */
class ConnectAtOnceGuiTest {
    @TempDir
    Path temp;
    ViewerApp app;

    @BeforeEach
    void app() {
        TestPeers.requireDisplay();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp));
    }

    @AfterEach
    void close() {
        if (app != null) {
            GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
        }
    }

    @Test
    void aRefusedConnectionShowsTheConnectionWindowWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        String address = "127.0.0.1::" + port;
        GuiActionRunner.execute(() -> app.connectAtOnce(address));
        awaitEdt(() -> app.windows().size() == 1 && app.windows().get(0) instanceof ConnectWindow,
                "the viewer window gave way to the connection window");
        ConnectWindow w = (ConnectWindow) GuiActionRunner.execute(() -> app.windows().get(0));
        assertThat(GuiActionRunner.execute(w::messageText))
                .isEqualTo("Connection refused: nothing accepts VNC connections at " + address + ".");
        assertThat(GuiActionRunner.execute(() -> w.address.getSelectedItem())).isEqualTo(address);
    }

    @Test
    void aServerThatNeverAnswersIsReportedAsTimedOut() throws Exception {
        // Accepts the connection (the kernel does, from the backlog) and never says a word.
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1::" + silent.getLocalPort();
            GuiActionRunner.execute(() -> app.connectAtOnce(address));
            DemoWindowTestBase.await(() -> GuiActionRunner.execute(() -> app.windows().size() == 1
                    && app.windows().get(0) instanceof ConnectWindow), "the connection window says why (after 10 s)");
            ConnectWindow w = (ConnectWindow) GuiActionRunner.execute(() -> app.windows().get(0));
            assertThat(GuiActionRunner.execute(w::messageText))
                    .isEqualTo("Timed out: the server did not complete the handshake within 10 s.");
        }
    }

    @Test
    void anAddressKnownLaterHasTheWindowShownMeanwhileAndConnectsWhenItComes() throws Exception {
        java.util.concurrent.CompletableFuture<String> where = new java.util.concurrent.CompletableFuture<>();
        ViewerWindow w = GuiActionRunner.execute(() -> app.connectWhenKnown(where, "the built-in demo"));
        assertThat(GuiActionRunner.execute(w::isShowing)).as("shown before the address is known").isTrue();
        assertThat(GuiActionRunner.execute(() -> w.settings().address)).isEqualTo("the built-in demo");
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            where.complete("127.0.0.1::" + demo.port());
            awaitEdt(() -> w.keeper().isConnected() && w.screen().image() != null, "connected once the address came");
            assertThat(GuiActionRunner.execute(() -> w.settings().address)).isEqualTo("127.0.0.1::" + demo.port());
            assertThat(GuiActionRunner.execute(() -> app.windows())).containsExactly(w);
        }
    }

    @Test
    void aConnectionOpenedBeforeTheWindowWasBuiltIsTakenOverAndTheWindowFitsTheRemoteScreen() throws Exception {
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            String address = "127.0.0.1::" + demo.port();
            java.util.concurrent.CompletableFuture<String> where = java.util.concurrent.CompletableFuture.completedFuture(address);
            EarlyConnection early = EarlyConnection.whenKnown(app, where);
            DemoWindowTestBase.await(early::isConnected, "the connection opened with no window yet");
            assertThat(demo.viewerCount()).isEqualTo(1);
            ViewerWindow w = GuiActionRunner.execute(() -> app.connectWhenKnown(where, early, "the built-in demo"));
            assertThat(GuiActionRunner.execute(() -> w.isShowing() && w.keeper().isConnected())).as("shown connected").isTrue();
            assertThat(GuiActionRunner.execute(() -> w.settings().address)).isEqualTo(address);
            awaitEdt(() -> w.screen().image() != null, "the first picture came");
            awaitEdt(() -> w.screen().getWidth() >= 1024 && w.screen().getHeight() >= 768,
                    "the window shows the whole 1024x768 desktop (the test display is large enough)");
            assertThat(demo.viewerCount()).as("no second connection").isEqualTo(1);
            assertThat(GuiActionRunner.execute(() -> app.windows())).containsExactly(w);
        }
    }

    @Test
    void aRefusedConnectionOpenedBeforeTheWindowShowsTheConnectionWindowWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        String address = "127.0.0.1::" + port;
        java.util.concurrent.CompletableFuture<String> where = new java.util.concurrent.CompletableFuture<>();
        GuiActionRunner.execute(() -> app.connectWhenKnown(where, "the built-in demo"));
        where.complete(address);
        awaitEdt(() -> app.windows().size() == 1 && app.windows().get(0) instanceof ConnectWindow,
                "the viewer window gave way to the connection window");
        ConnectWindow w = (ConnectWindow) GuiActionRunner.execute(() -> app.windows().get(0));
        assertThat(GuiActionRunner.execute(w::messageText))
                .isEqualTo("Connection refused: nothing accepts VNC connections at " + address + ".");
    }

    @Test
    void aWindowClosedBeforeItsAddressCameLeavesNoConnectionOpen() throws Exception {
        java.util.concurrent.CompletableFuture<String> where = new java.util.concurrent.CompletableFuture<>();
        EarlyConnection early = EarlyConnection.whenKnown(app, where);
        ViewerWindow w = GuiActionRunner.execute(() -> app.connectWhenKnown(where, early, "the built-in demo"));
        GuiActionRunner.execute(w::dispose);
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            where.complete("127.0.0.1::" + demo.port());
            DemoWindowTestBase.await(() -> early.client().isDone(), "the connection was opened all the same");
            DemoWindowTestBase.await(() -> early.client().join().isClosed(), "and closed, since no window took it");
            DemoWindowTestBase.await(() -> demo.viewerCount() == 0, "the server saw it go");
        }
    }

    @Test
    void anAddressThatNeverComesClosesTheWindowItWasShownFor() {
        java.util.concurrent.CompletableFuture<String> where = new java.util.concurrent.CompletableFuture<>();
        ViewerWindow w = GuiActionRunner.execute(() -> app.connectWhenKnown(where, "the built-in demo"));
        where.completeExceptionally(new java.io.IOException("the demo could not start"));
        awaitEdt(() -> !w.isDisplayable() && app.windows().isEmpty(), "the window closed (the caller says why)");
    }

    @Test
    void aWorkingAddressConnectsTheWindowAndFitsItToTheRemoteScreen() throws Exception {
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            ViewerWindow w = GuiActionRunner.execute(() -> app.connectAtOnce("127.0.0.1::" + demo.port()));
            awaitEdt(() -> w.keeper().isConnected() && w.screen().image() != null, "connected");
            awaitEdt(() -> w.screen().getWidth() >= 1024 && w.screen().getHeight() >= 768,
                    "the window shows the whole 1024x768 desktop (the test display is large enough)");
            assertThat(GuiActionRunner.execute(() -> app.windows())).containsExactly(w);
            assertThat(app.config().recentServers()).first().isEqualTo("127.0.0.1::" + demo.port());
        }
    }
}
