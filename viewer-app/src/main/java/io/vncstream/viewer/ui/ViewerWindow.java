package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.screen.RemoteScreen;
import net.miginfocom.swing.MigLayout;

import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

/**
 * The viewer's main window: toolbar and menus ({@link ViewerActions}), the device list beside
 * the tabs ({@link DevicePanel}, in a {@link DeviceSplit}), the remote screen as the first tab and a console tab per
 * opened device ({@link ConsoleTabs}), a banner while disconnected and a status line; F8 and
 * F11 are {@link WindowKeys}. The
 * connection itself, and getting it back, is {@link ConnectionKeeper}'s.
 */
public final class ViewerWindow extends JFrame {
    private final ViewerApp app;
    private final ConnectionSettings settings;
    private final RemoteScreen screen = new RemoteScreen();
    private final JScrollPane screenScroll = new JScrollPane(screen);
    private final ScreenControls controls;
    private final JTabbedPane tabs = new JTabbedPane();
    private final StatusLine statusBar = new StatusLine();
    private final DisconnectedBanner banner;
    private final DesktopSizeFollower sizeFollower;
    private final ConnectionKeeper keeper = new ConnectionKeeper(this);
    private final ViewerActions actions;
    private final DevicePanel devicePanel;
    private final DeviceSplit deviceSplit;
    private final ConsoleTabs consoles;
    private final WindowConsoles windowConsoles;
    private final JToolBar toolbar;
    /** The F8 menu, built when first needed: the first frame does without it. */
    private JPopupMenu popup;
    private final TabSwitchKeys tabKeys;

    private final WindowTitle title;
    /** The libvirt domain this window shows, or null for a plain VNC server. */
    private DomainControl domain;
    private ConnectionInfoDialog infoDialog;
    private final FullScreen fullScreen;

    public ViewerWindow(ViewerApp app, ConnectionSettings settings) {
        super("vncstream");
        this.app = app;
        this.settings = settings.copy();
        this.title = new WindowTitle(this.settings.address);
        setName("viewerWindow");
        setIconImages(AppIcon.images());
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        screen.setName("screen");
        controls = new ScreenControls(this.settings, screen, screenScroll, this::showStatus, app::rememberAudio,
                () -> actions().update());
        screen.setPlaceholder("Connecting to " + this.settings.address + "...");
        screen.setStatusListener(this::showStatus);
        screenScroll.setName("screenScroll");
        // Not null: a null border is the look and feel's to fill in again when the theme changes.
        screenScroll.setBorder(BorderFactory.createEmptyBorder());
        screenScroll.getViewport().setBackground(new Color(0x2b2b2b));
        tabs.setName("tabs");
        tabs.addTab("Screen", screenScroll);
        tabs.putClientProperty("JTabbedPane.tabType", "card");
        tabs.putClientProperty("JTabbedPane.hasFullBorder", false);
        tabs.addChangeListener(e -> {
            SwingUtilities.invokeLater(this::focusSelectedTab);
            actions().update();
        });

        actions = new ViewerActions(this);
        consoles = new ConsoleTabs(tabs, app::consoleOptions);
        devicePanel = new DevicePanel(this::openConsole, this::deviceListed);
        devicePanel.deviceList().addListSelectionListener(e -> actions.update());
        deviceSplit = new DeviceSplit(this, devicePanel, tabs, () -> actions.update());
        windowConsoles = new WindowConsoles(tabs, consoles, devicePanel, deviceSplit, screenScroll, screen,
                () -> domain, () -> actions.update());
        banner = new DisconnectedBanner(actions.reconnect);
        // A new picture size enables the picture's actions (Screenshot...) and resizes the window.
        sizeFollower = new DesktopSizeFollower(this, () -> actions.update());

        toolbar = actions.toolbar();
        setJMenuBar(actions.menuBar());
        fullScreen = new FullScreen(this, toolbar, statusBar, getJMenuBar());

        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, fill, wrap 1", "[grow,fill]"));
        // hidemode 3: bars hidden in full screen give their space to the screen. Hidden rows
        // leave the grid, so the centre's row grows by its own "push", not by a row index.
        // wmin 0: no bar may make the column wider than the window (the toolbar alone asks for
        // about 780 px); what does not fit is cut off at the bar's end, not the whole window's.
        content.add(toolbar, "growx, wmin 0, hidemode 3");
        content.add(banner, "growx, wmin 0, hidemode 3");
        content.add(deviceSplit.component(), "grow, push, wmin 0");
        content.add(statusBar, "growx, wmin 0, hidemode 3");
        setContentPane(content);

        WindowKeys.install(getRootPane(), this::showPopup, actions.fullScreen);
        tabKeys = new TabSwitchKeys(this, actions.nextTab, actions.previousTab);

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                if (fullScreen.isRebuilding()) {
                    return; // full screen on or off: the same window comes back at once
                }
                tabKeys.uninstall();
                keeper.close();
                screen.detach();
                consoles.closeAll();
                if (domain != null) {
                    domain.close();
                }
                if (infoDialog != null) {
                    infoDialog.dispose();
                }
                app.windowClosed(ViewerWindow.this);
            }

            @Override
            public void windowActivated(WindowEvent e) {
                if (!screen.isViewOnly() && screen.isAttached()) {
                    screen.clipboard().checkLocal();
                }
            }
        });
        tabKeys.install();
        actions.update();
    }

    // ---- parts ----

    public RemoteScreen screen() {
        return screen;
    }

    public JTabbedPane tabs() {
        return tabs;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    ViewerApp app() {
        return app;
    }

    ConnectionKeeper keeper() {
        return keeper;
    }

    ViewerActions actions() {
        return actions;
    }

    ConsoleTabs consoles() {
        return consoles;
    }

    DevicePanel devicePanel() {
        return devicePanel;
    }

    JToolBar toolbar() {
        return toolbar;
    }

    JScrollPane screenScroll() {
        return screenScroll;
    }

    DisconnectedBanner banner() {
        return banner;
    }

    /** Shows a libvirt domain: its devices and state come from libvirt, its screen from the live XML. */
    void useDomain(DomainControl d) {
        domain = d;
        d.attach(this);
    }

    DomainControl domain() {
        return domain;
    }

    /** The domain's state, shown in the title ("running", "shut off"). */
    void setDomainState(String state) {
        title.domainState(state);
        setTitle(title.text(false));
    }

    /** The connection now in use, or null. */
    public RfbClient client() {
        Link l = keeper.current();
        return l == null ? null : l.client();
    }

    // ---- connection ----

    /** The event handler for a new connection of this window. */
    public Link newLink() {
        return keeper.newLink();
    }

    /** Shows a connection made with {@code link} and starts it (event dispatch thread). */
    public void start(Link link, RfbClient client) {
        keeper.start(link, client);
    }

    boolean isCurrent(Link link) {
        return keeper.current() == link;
    }

    /** Runs {@code r} on the event thread if {@code link} is still this window's connection then. */
    void onEdt(Link link, Runnable r) {
        SwingUtilities.invokeLater(() -> {
            if (isCurrent(link)) {
                r.run();
            }
        });
    }

    /** Called by the keeper before the new connection's reader starts. */
    void connectionStarted(Link link) {
        RfbClient client = link.client();
        controls.audio().connected(client);
        if (domain == null) {
            devicePanel.connected(link.devices());
            consoles.connected(link.devices());
        }
        screen.setPlaceholder("Waiting for the first picture...");
        setDesktopName(client.serverInit().name());
        banner.hideBanner();
        showStatus("Connected to " + settings.address + ": " + client.framebuffer().width() + " x "
                + client.framebuffer().height() + ", RFB " + client.protocolVersion());
        statusBar.showSecurity(client.security(), parsedAddress(), settings.via);
        actions.update();
        app.connected(this);
    }

    /** The connection ended (lost, or dropped to reconnect): say so at once. */
    void connectionEnded(String why) {
        screen.detach();
        controls.audio().disconnected();
        if (domain == null) {
            // A domain's devices do not depend on the screen's connection.
            devicePanel.connectionLost();
            consoles.connectionLost();
        }
        banner.showProblem(why);
        showStatus(why);
        setTitle(title.text(true));
        actions.update();
    }

    /** A (re)connection attempt's progress or the wait before the next one. */
    void connectionProgress(String text) {
        banner.showProblem(text);
        showStatus(text);
        actions.update();
    }

    void setDesktopName(String name) {
        title.desktopName(name);
        setTitle(title.text(false));
    }

    /** Sizes the window to the remote screen (within the display) and shows it. */
    public void showWindow() {
        fitToRemoteScreen();
        setVisible(true);
        screen.requestFocusInWindow();
    }

    /** Packs the window around the remote screen, within the display, centred. */
    void fitToRemoteScreen() {
        if (isFullScreen()) {
            return;
        }
        pack();
        Rectangle usable = WindowSizing.usableScreen(this);
        Dimension d = getSize();
        setSize(Math.min(d.width, usable.width), Math.min(d.height, usable.height));
        setLocationRelativeTo(null);
        sizeFollower.fitted();
    }

    // ---- devices and consoles ----

    /** The device list and the console tabs, as the user moves among them. */
    WindowConsoles consoleTabs() {
        return windowConsoles;
    }

    /** Opens the console of {@code device} (see {@link WindowConsoles#open}). */
    ConsoleTab openConsole(String device) {
        return windowConsoles.open(device);
    }

    /** The first device of a server shows the device list, unless the user has hidden it. */
    private void deviceListed() {
        deviceSplit.deviceListed();
    }

    private void focusSelectedTab() {
        windowConsoles.focusSelectedTab();
    }

    // ---- screen ----

    void showStatus(String text) {
        statusBar.show(text);
    }

    private ServerAddress parsedAddress() {
        try {
            return ServerAddress.parse(settings.address);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The status bar's security indicator ("TLS: TLSv1.3, ..., server verified", "Unencrypted"). */
    public String securityText() {
        return statusBar.securityText();
    }

    /** Whether the warning about an unencrypted connection to another machine shows. */
    public boolean unencryptedWarningShown() {
        return statusBar.unencryptedWarningShown();
    }

    /** The text of the status line. */
    public String statusText() {
        return statusBar.text();
    }

    private void showPopup() {
        JPopupMenu popup = f8Menu();
        actions.update();
        Rectangle r = screenScroll.getViewport().getViewRect();
        Dimension p = popup.getPreferredSize();
        popup.show(screen, r.x + Math.max(0, (r.width - p.width) / 2), r.y + Math.max(0, (r.height - p.height) / 2));
    }

    /** View only, scaling, remote resize, audio and the lock keys of this window's screen. */
    ScreenControls controls() {
        return controls;
    }

    void showInfo() {
        if (infoDialog == null) {
            infoDialog = new ConnectionInfoDialog(this, this::client, () -> settings.address
                    + (io.vncstream.viewer.connect.ViaSsh.isSet(settings.via) ? " via SSH host " + settings.via : ""));
        }
        infoDialog.setVisible(true);
    }

    /** The F8 menu. */
    JPopupMenu f8Menu() {
        if (popup == null) {
            popup = actions.popup();
        }
        return popup;
    }

    ConnectionInfoDialog infoDialog() {
        return infoDialog;
    }

    public boolean isFullScreen() {
        return fullScreen.isOn();
    }

    /** Full screen on the window's monitor without decorations, toolbar or status line (F11 toggles). */
    public void toggleFullScreen() {
        fullScreen.toggle();
        focusSelectedTab();
        actions.update();
    }
}
