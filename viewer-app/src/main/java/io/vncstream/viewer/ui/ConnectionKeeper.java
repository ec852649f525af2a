package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.tls.TlsException;
import io.vncstream.viewer.connect.ConnectErrors;
import io.vncstream.viewer.screen.RemoteInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A viewer window's connection over time: starts a connection, notices at once when it drops,
 * and tries again with growing pauses (1 s, 2 s, 4 s ... at most 30 s) until it is back, the
 * user reconnects by hand, or the window closes. Event dispatch thread.
 */
final class ConnectionKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionKeeper.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final ViewerWindow window;
    private volatile Link current;
    private boolean connecting;
    private boolean closed;
    private int failures;
    private Timer retry;
    private String lastProblem;

    ConnectionKeeper(ViewerWindow window) {
        this.window = window;
    }

    Link newLink() {
        return new Link(window);
    }

    Link current() {
        return current;
    }

    boolean isConnected() {
        Link l = current;
        return l != null && l.isConnected();
    }

    boolean isConnecting() {
        return connecting;
    }

    /** Shows a new connection and starts reading from it. */
    void start(Link link, RfbClient client) {
        Link old = current;
        current = link;
        link.client = client;
        if (old != null && old.client != null) {
            old.client.close();
        }
        stopRetry();
        failures = 0;
        lastProblem = null;
        link.streams().attach(client);
        // Listeners first: the reader thread may announce devices as soon as it starts.
        window.connectionStarted(link);
        window.screen().attach(client.framebuffer(), RemoteInput.of(client));
        window.controls().remoteResize().attach(client);
        client.start();
    }

    /** The reader thread saw the connection end. */
    void connectionLost(Link link, Exception cause) {
        if (link != current || closed) {
            return;
        }
        current = null;
        String why = cause == null ? "the server closed the connection" : ConnectErrors.describe(cause, window.settings().address);
        LOG.info("connection to {} lost: {}", window.settings().address, why);
        lastProblem = "Connection lost: " + why;
        window.connectionEnded(lastProblem);
        scheduleRetry();
    }

    /** Connects again now (the Reconnect button), dropping the current connection if any. */
    void reconnectNow() {
        if (connecting || closed) {
            return;
        }
        stopRetry();
        Link old = current;
        if (old != null) {
            current = null;
            if (old.client != null) {
                old.client.close();
            }
            window.connectionEnded("Reconnecting to " + window.settings().address + "...");
        }
        attempt(null);
    }

    /**
     * The window's first connection: no retries, since nothing has worked yet; a failure goes to
     * {@code failed} in words. The window is fitted to the remote screen when it succeeds.
     */
    void connectFirst(Consumer<String> failed) {
        attempt(failed);
    }

    /**
     * As {@link #connectFirst(Consumer)} with a connection opened before the window was built
     * ({@link EarlyConnection}, the demo's): it is shown as soon as it is there.
     */
    void connectFirst(Consumer<String> failed, EarlyConnection early) {
        connecting = true;
        window.connectionProgress("Connecting to " + window.settings().address + "...");
        Link link = early.bind(window);
        java.util.function.BiConsumer<RfbClient, Throwable> take = (client, e) -> {
            early.copyUserTo(window.settings());
            finished(link, client, e, failed);
        };
        if (early.client().isDone()) {
            early.client().whenComplete(take); // at once, on this (the event dispatch) thread
        } else {
            early.client().whenComplete((client, e) -> SwingUtilities.invokeLater(() -> take.accept(client, e)));
        }
    }

    private void attempt(Consumer<String> firstFailed) {
        connecting = true;
        window.connectionProgress("Connecting to " + window.settings().address + "..."
                + (lastProblem == null ? "" : " (" + lastProblem + ")"));
        Link link = newLink();
        new SwingWorker<RfbClient, Void>() {
            @Override
            protected RfbClient doInBackground() throws Exception {
                io.vncstream.viewer.bench.StartupReport.mark("connect start");
                DomainControl domain = window.domain();
                return domain != null ? domain.connect(window.settings(), new PasswordPrompt(() -> window), link.handler())
                        : SecureConnect.open(window.app(), window.settings(), () -> window, link.handler());
            }

            @Override
            protected void done() {
                RfbClient client = null;
                Throwable failure = null;
                try {
                    client = get();
                } catch (Exception e) {
                    failure = e;
                }
                finished(link, client, failure, firstFailed);
            }
        }.execute();
    }

    /** An attempt's end (event dispatch thread): {@code client}, or else {@code e}, why there is none. */
    private void finished(Link link, RfbClient client, Throwable e, Consumer<String> firstFailed) {
        connecting = false;
        if (e != null) {
            if (firstFailed != null && !closed) {
                firstFailed.accept(ConnectErrors.describe(e, window.settings().address));
                return;
            }
            failures++;
            lastProblem = "Reconnect failed: " + ConnectErrors.describe(e, window.settings().address);
            if (closed) {
                return;
            }
            if (isAuthentication(e)) {
                // Trying again would only ask for the password (or about the certificate, or the
                // SSH host key) again and again: the user decides.
                window.connectionProgress(sentence(lastProblem) + " Use Reconnect to try again.");
            } else {
                scheduleRetry();
            }
            return;
        }
        if (closed) {
            client.close();
            return;
        }
        io.vncstream.viewer.bench.StartupReport.mark("connected on edt");
        start(link, client);
        if (firstFailed != null && window.isVisible()) {
            window.fitToRemoteScreen(); // (a window not shown yet is fitted when it is shown)
        }
    }

    private static boolean isAuthentication(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // An SSH login or host key refused, or a TLS certificate refused, would be refused (and asked about) again just the same.
            if (t instanceof AuthenticationException || t instanceof TlsException || t instanceof io.vncstream.ssh.SshAuthException
                    || t instanceof io.vncstream.ssh.HostKeyException) {
                return true;
            }
        }
        return false;
    }

    private void scheduleRetry() {
        stopRetry();
        long delay = retryDelay(failures).toMillis();
        window.connectionProgress(sentence(lastProblem) + " Trying again in " + Math.round(delay / 1000.0) + " s.");
        retry = new Timer((int) delay, e -> {
            if (!closed && current == null && !connecting) {
                attempt(null);
            }
        });
        retry.setRepeats(false);
        retry.start();
    }

    /** The pause before try number {@code failures + 1}: doubling from 1 s, at most 30 s. */
    static Duration retryDelay(int failures) {
        long ms = FIRST_RETRY.toMillis() << Math.min(failures, 5);
        return Duration.ofMillis(Math.min(ms, MAX_RETRY.toMillis()));
    }

    private void stopRetry() {
        if (retry != null) {
            retry.stop();
            retry = null;
        }
    }

    /** For good: the window is closing. */
    void close() {
        closed = true;
        stopRetry();
        Link l = current;
        current = null;
        if (l != null && l.client != null) {
            l.client.close();
        }
    }

    /** A message as a sentence, so that the next one does not run on from it ("...at byte 18 Trying again"). */
    static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }
}
