package io.vncstream.viewer.ui;

import io.vncstream.viewer.connect.AppConfig;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.terminal.TerminalOptions;

import javax.swing.SwingUtilities;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The GUI application: the theme, the saved settings and recent servers, and its windows.
 * {@link #launch} opens the connection window (or connects straight away); {@link #awaitExit}
 * returns when the last window has closed.
 */
public final class ViewerApp {
    private final AppConfig config;
    private final Properties settings;
    private Theme theme;
    private final List<Window> windows = new ArrayList<>();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile java.nio.file.Path consoleLogDirectory;
    /** False for the demo: its port changes every run and is no server to come back to. */
    private volatile boolean rememberServers = true;
    private volatile Consumer<ViewerWindow> onConnected;
    /** The command line's --via, for the first connection or the connection window (null: none given). */
    private volatile String initialVia;

    public ViewerApp(AppConfig config) {
        this.config = config;
        this.settings = config.loadSettings();
        this.theme = Theme.parse(settings.getProperty("theme"));
    }

    /** Starts the GUI on the event dispatch thread: with an address it connects at once. */
    public static ViewerApp launch(String address, boolean rememberServers) {
        return launch(address, rememberServers, null);
    }

    /** As {@link #launch(String, boolean)}, telling {@code onConnected} of each connected window (measurements). */
    public static ViewerApp launch(String address, boolean rememberServers, Consumer<ViewerWindow> onConnected) {
        return launch(CompletableFuture.completedFuture(address), rememberServers, onConnected);
    }

    /**
     * As {@link #launch(String, boolean, Consumer)} for an address known later (the demo's port):
     * the look and feel is set up and the viewer window shown meanwhile; it connects when the
     * address comes, and closes if it never does (the caller says why).
     */
    public static ViewerApp launch(CompletableFuture<String> address, boolean rememberServers,
                                   Consumer<ViewerWindow> onConnected) {
        return launch(address, null, rememberServers, onConnected);
    }

    /** As {@link #launch(String, boolean, Consumer)}, through the SSH host {@code via} (null: none). */
    public static ViewerApp launch(String address, String via, boolean rememberServers,
                                   Consumer<ViewerWindow> onConnected) {
        return launch(CompletableFuture.completedFuture(address), via, rememberServers, onConnected);
    }

    private static ViewerApp launch(CompletableFuture<String> address, String via, boolean rememberServers,
                                    Consumer<ViewerWindow> onConnected) {
        AppIcon.prepare();
        ViewerApp app = new ViewerApp(AppConfig.forUser());
        app.initialVia = via;
        app.rememberServers = rememberServers;
        app.onConnected = onConnected;
        SwingUtilities.invokeLater(() -> {
            io.vncstream.viewer.bench.StartupReport.mark("edt first task");
            app.theme.apply();
            io.vncstream.viewer.bench.StartupReport.mark("theme applied");
        });
        if (!address.isDone()) {
            // Connecting starts as soon as the address comes, not once the window is built.
            EarlyConnection early = EarlyConnection.whenKnown(app, address);
            SwingUtilities.invokeLater(() -> app.connectWhenKnown(address, early, "the built-in demo"));
            return app;
        }
        address.thenAccept(a -> SwingUtilities.invokeLater(() -> {
            if (a == null || a.isBlank()) {
                app.showConnectWindow(null, false);
            } else {
                app.connectAtOnce(a);
            }
        }));
        return app;
    }

    /** Blocks until every window of the application has closed. */
    public void awaitExit() throws InterruptedException {
        exited.await();
    }

    public AppConfig config() {
        return config;
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme t) {
        theme = t;
        t.apply();
        settings.setProperty("theme", t.key());
        config.saveSettings(settings);
    }

    /** Saves the "Play remote audio" choice for the next connections (unless servers are not remembered). */
    public void rememberAudio(boolean on) {
        if (!rememberServers) {
            return;
        }
        settings.setProperty("audio", Boolean.toString(on));
        config.saveSettings(settings);
    }

    /** Whether typed input is logged and how old logs are pruned, as saved in the settings. */
    public io.vncstream.terminal.log.LogSettings logSettings() {
        return io.vncstream.terminal.log.LogSettings.load(settings);
    }

    public void setLogSettings(io.vncstream.terminal.log.LogSettings value) {
        value.store(settings);
        config.saveSettings(settings);
    }

    /** Options for a new console tab: the defaults, with the log settings and directory if one was set. */
    public TerminalOptions consoleOptions() {
        TerminalOptions o = TerminalOptions.defaults().logSettings(logSettings());
        if (consoleLogDirectory != null) {
            o.logDirectory(consoleLogDirectory);
        }
        return o;
    }

    public void setRememberServers(boolean on) {
        rememberServers = on;
    }

    /** Where console logs go (null: the user's state directory). */
    public void setConsoleLogDirectory(java.nio.file.Path dir) {
        consoleLogDirectory = dir;
    }

    /** The options used last time, with {@code address} filled in when given. */
    public ConnectionSettings lastSettings() {
        return ConnectionSettings.load(settings);
    }

    /** The libvirt URI the connection window's libvirt page used last. */
    public String libvirtUri() {
        return settings.getProperty("libvirt.uri", "qemu:///system");
    }

    public void rememberLibvirtUri(String uri) {
        if (!uri.equals(settings.getProperty("libvirt.uri"))) {
            settings.setProperty("libvirt.uri", uri);
            config.saveSettings(settings);
        }
    }

    /** Remembers a connection's options and puts its address first among the recent servers. */
    public void remember(ConnectionSettings s) {
        if (!rememberServers) {
            return;
        }
        s.store(settings);
        config.saveSettings(settings);
        config.addRecentServer(s.address);
        config.rememberVia(s.address, s.via);
    }

    /** The command line's {@code --via}, or null when none was given. */
    public String initialVia() {
        return initialVia;
    }

    /** Sets what {@link #initialVia()} gives (the command line's {@code --via}). */
    public void setInitialVia(String via) {
        initialVia = via;
    }

    /** Shows the connection window; with {@code autoConnect} it connects to {@code address} at once. */
    public ConnectWindow showConnectWindow(String address, boolean autoConnect) {
        ConnectWindow w = new ConnectWindow(this, address);
        windowOpened(w);
        w.setLocationRelativeTo(null);
        w.setVisible(true);
        if (autoConnect) {
            w.connect();
        }
        return w;
    }

    /** Called by a viewer window each time a connection starts. */
    void connected(ViewerWindow w) {
        Consumer<ViewerWindow> c = onConnected;
        if (c != null) {
            onConnected = null; // once: a measurement is about the first connection
            c.accept(w);
        }
    }

    /**
     * Opens the viewer window at once and connects it with the last options, building the window
     * while the connection is made; if that fails, the connection window says why.
     */
    public ViewerWindow connectAtOnce(String address) {
        ViewerWindow w = newViewerWindow(address);
        connectFirst(w);
        w.showWindow();
        io.vncstream.viewer.bench.StartupReport.mark("window shown");
        return w;
    }

    /**
     * The viewer window for an address known later (event dispatch thread): shown now, as the
     * window of {@code what} until then, and connected when the address comes.
     */
    ViewerWindow connectWhenKnown(CompletableFuture<String> address, String what) {
        return connectWhenKnown(address, EarlyConnection.whenKnown(this, address), what);
    }

    ViewerWindow connectWhenKnown(CompletableFuture<String> address, EarlyConnection early, String what) {
        ViewerWindow w = newViewerWindow(what);
        if (early.isConnected()) {
            // Server and connection were there before the window (the demo's, as a rule): it starts
            // connected, so the first picture is on its way while the window paints itself.
            w.settings().address = address.join();
            connectFirst(w, early);
            w.showWindow();
            io.vncstream.viewer.bench.StartupReport.mark("window shown");
            return w;
        }
        w.showWindow();
        io.vncstream.viewer.bench.StartupReport.mark("window shown");
        address.whenComplete((a, e) -> SwingUtilities.invokeLater(() -> {
            if (!w.isDisplayable()) {
                early.abandon(); // closed meanwhile
                return;
            }
            if (e != null || a == null || a.isBlank()) {
                if (e == null) {
                    showConnectWindow(null, false); // first, so that the app never has no window
                }
                w.dispose();
                return;
            }
            w.settings().address = a;
            connectFirst(w, early);
        }));
        return w;
    }

    private ViewerWindow newViewerWindow(String address) {
        ViewerWindow w = new ViewerWindow(this, firstSettings(address));
        windowOpened(w);
        io.vncstream.viewer.bench.StartupReport.mark("window built");
        return w;
    }

    /** A new window's settings: the last options, to {@code address}, through the command line's --via if any. */
    ConnectionSettings firstSettings(String address) {
        ConnectionSettings s = lastSettings();
        s.address = address;
        s.via = initialVia == null ? "" : initialVia.trim();
        return s;
    }

    /** The window's first connection, to its address with the last options; a failure brings the connection window. */
    private void connectFirst(ViewerWindow w) {
        connectFirst(w, null);
    }

    /** As {@link #connectFirst(ViewerWindow)}, taking over {@code early} when it is not null. */
    private void connectFirst(ViewerWindow w, EarlyConnection early) {
        String address = w.settings().address;
        if (rememberServers) {
            // The options are the saved ones: only the recent list changes, and the settings file is
            // not rewritten unchanged on the way to the first frame.
            config.addRecentServer(address);
            config.rememberVia(address, w.settings().via);
        }
        java.util.function.Consumer<String> failed = why -> {
            showConnectWindow(address, false).showError(why); // first, so that the app never has no window
            w.dispose();
        };
        if (early == null) {
            w.keeper().connectFirst(failed);
        } else {
            w.keeper().connectFirst(failed, early);
        }
    }

    /**
     * Opens the viewer window on a libvirt domain ({@code vncstream --connect URI DOMAIN}): the
     * window shows at once while libvirt is asked off the event thread; if the domain cannot be
     * found, the connection window says why.
     */
    public void connectToDomain(String uri, String domain) {
        showDomainWindow(uri, domain, openDomain(uri, domain));
    }

    /** Connects to libvirt and finds the domain, on a thread of its own (it may ask about SSH host keys in dialogs). */
    private static CompletableFuture<DomainControl> openDomain(String uri, String domain) {
        CompletableFuture<DomainControl> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            io.vncstream.viewer.bench.StartupReport.mark("libvirt open start");
            try {
                opened.complete(DomainControl.open(uri, domain, new SshDialogs(() -> null)));
            } catch (Exception | Error e) {
                opened.completeExceptionally(e);
            }
            io.vncstream.viewer.bench.StartupReport.mark("libvirt open done");
        }, "libvirt open " + domain);
        t.setDaemon(true);
        t.start();
        return opened;
    }

    /**
     * The window for a domain being opened (event dispatch thread): built and shown while libvirt
     * answers, then attached to the domain and connected to its screen.
     */
    private void showDomainWindow(String uri, String domain, CompletableFuture<DomainControl> opening) {
        ConnectionSettings s = lastSettings();
        s.address = domain + " on " + uri;
        ViewerWindow w = new ViewerWindow(this, s);
        windowOpened(w);
        io.vncstream.viewer.bench.StartupReport.mark("window built");
        w.showStatus("Asking libvirt at " + uri + " for domain " + domain + "...");
        w.showWindow();
        io.vncstream.viewer.bench.StartupReport.mark("window shown");
        opening.whenComplete((d, e) -> SwingUtilities.invokeLater(() -> {
            io.vncstream.viewer.bench.StartupReport.mark("libvirt open on edt");
            if (!w.isDisplayable()) { // closed meanwhile
                if (d != null) {
                    d.close();
                }
                return;
            }
            if (e != null) {
                Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                showConnectWindow(null, false).showError(t.getMessage()); // first, so that the app never has no window
                w.dispose();
                return;
            }
            w.settings().address = d.describe();
            w.useDomain(d);
            w.keeper().connectFirst(why -> w.connectionProgress(why + " Waiting for the domain to run..."));
        }));
    }

    /** As {@link #launch(String, boolean, Consumer)} for a libvirt domain: libvirt is asked while the look and feel loads. */
    public static ViewerApp launchDomain(String uri, String domain, Consumer<ViewerWindow> onConnected) {
        AppIcon.prepare();
        ViewerApp app = new ViewerApp(AppConfig.forUser());
        app.onConnected = onConnected;
        CompletableFuture<DomainControl> opening = openDomain(uri, domain);
        SwingUtilities.invokeLater(() -> {
            io.vncstream.viewer.bench.StartupReport.mark("edt first task");
            app.theme.apply();
            io.vncstream.viewer.bench.StartupReport.mark("theme applied");
            app.showDomainWindow(uri, domain, opening);
        });
        return app;
    }

    void windowOpened(Window w) {
        windows.add(w);
    }

    void windowClosed(Window w) {
        windows.remove(w);
        if (windows.isEmpty()) {
            exited.countDown();
        }
    }

    /** Open windows (event dispatch thread). */
    public List<Window> windows() {
        return List.copyOf(windows);
    }
}
