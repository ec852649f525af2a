package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.viewer.connect.ConnectionSettings;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A window's first connection, opened on a thread of its own as soon as the address is known,
 * while the event dispatch thread still builds the window (the demo's: its server starts beside
 * the look and feel, and the handshake then need not wait for the window, 150-400 ms). The
 * window takes it over with {@link ConnectionKeeper#connectFirst(java.util.function.Consumer, EarlyConnection)};
 * nothing comes from the server until then (the connection's reader starts only there). A
 * question on the way (a password, a certificate) has the window as its parent once it is built.
 */
final class EarlyConnection {
    private final Link link = new Link();
    private final CompletableFuture<RfbClient> client = new CompletableFuture<>();
    private volatile ConnectionSettings settings;
    private volatile ViewerWindow window;

    private EarlyConnection() {
    }

    /** Starts connecting when {@code address} comes (a blank or failed address: never, the window closes then). */
    static EarlyConnection whenKnown(ViewerApp app, CompletableFuture<String> address) {
        EarlyConnection early = new EarlyConnection();
        address.thenAccept(a -> {
            if (a == null || a.isBlank()) {
                return;
            }
            ConnectionSettings s = app.firstSettings(a);
            early.settings = s;
            Thread t = new Thread(() -> {
                io.vncstream.viewer.bench.StartupReport.mark("connect start");
                try {
                    RfbClient c = SecureConnect.open(app, s, () -> early.window, early.link.handler());
                    io.vncstream.viewer.bench.StartupReport.mark("connect done");
                    early.client.complete(c);
                } catch (Exception | Error e) {
                    early.client.completeExceptionally(e);
                }
            }, "connect " + a);
            t.setDaemon(true);
            t.start();
        });
        return early;
    }

    /** The connection's link, now the window's. */
    Link bind(ViewerWindow w) {
        window = w;
        link.bind(w);
        return link;
    }

    /** Whether the connection is open already (its handshake done). */
    boolean isConnected() {
        return client.isDone() && !client.isCompletedExceptionally();
    }

    /** For a window closed before it took the connection over: closes it, now or once it is open. */
    void abandon() {
        client.thenAccept(RfbClient::close);
    }

    CompletableFuture<RfbClient> client() {
        return client;
    }

    /** The user name a question on the way filled in, into the window's settings (a reconnection uses it). */
    void copyUserTo(ConnectionSettings windowSettings) {
        ConnectionSettings s = settings;
        if (s != null && !Objects.equals(s.user, windowSettings.user)) {
            windowSettings.user = s.user;
        }
    }
}
