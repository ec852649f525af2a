package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.stream.DeviceNotice;
import io.vncstream.rfb.stream.StreamMessage;
import io.vncstream.viewer.connect.ConnectErrors;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.connect.Connector;
import io.vncstream.viewer.keys.KeySyms;
import io.vncstream.viewer.keys.KeyTranslator;
import io.vncstream.viewer.screen.RemoteInput;
import io.vncstream.viewer.screen.RemoteScreen;
import io.vncstream.viewer.screen.Scaling;
import net.miginfocom.swing.MigLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The viewer's main window: toolbar and menu (the menu also on F8), the remote screen as the
 * first tab, and a status line. The centre is a split pane whose left side is reserved for the
 * device list ({@link #setDevicePanel}) and whose right side holds the tabs, where console tabs
 * go after the screen ({@link #addConsoleTab}).
 */
public final class ViewerWindow extends JFrame {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerWindow.class);

    private final ViewerApp app;
    private final ConnectionSettings settings;
    private final RemoteScreen screen;
    private final JScrollPane screenScroll;
    private final JTabbedPane tabs = new JTabbedPane();
    private final JSplitPane split;
    private final JPanel centre = new JPanel(new BorderLayout());
    private final JLabel status = new JLabel(" ");
    private final JToolBar toolbar = new JToolBar();
    private final JPopupMenu popup = new JPopupMenu();
    private final JPanel statusBar;
    private final List<Consumer<DeviceNotice>> deviceListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StreamMessage>> streamListeners = new CopyOnWriteArrayList<>();

    private Link current;
    private String desktopName;
    private ConnectionInfoDialog infoDialog;
    private boolean fullScreen;
    private Rectangle windowedBounds;
    private boolean connecting;

    final Action ctrlAltDel = action("Send Ctrl-Alt-Del", "ctrlAltDel", e -> sendCtrlAltDel());
    final Action sendF8 = action("Send F8", "sendF8", e -> sendKey(KeySyms.F1 + 7, 0x42));
    final Action sendF11 = action("Send F11", "sendF11", e -> sendKey(KeySyms.F1 + 10, 0x57));
    final Action screenshot = action("Screenshot...", "screenshot", e -> chooseScreenshotFile());
    final Action fullScreenAction = action("Full screen", "fullScreen", e -> toggleFullScreen());
    final Action viewOnly = action("View only", "viewOnly", e -> toggleViewOnly());
    final Action reconnect = action("Reconnect", "reconnect", e -> reconnect());
    final Action info = action("Connection info", "info", e -> showInfo());
    final Action newConnection = action("New connection...", "newConnection", e -> openConnectWindow());
    final Action close = action("Close", "close", e -> dispatchEvent(new WindowEvent(this, WindowEvent.WINDOW_CLOSING)));
    final Action darkTheme = action("Dark theme", "darkTheme", e -> toggleTheme());

    public ViewerWindow(ViewerApp app, ConnectionSettings settings) {
        super("vncstream");
        this.app = app;
        this.settings = settings.copy();
        setName("viewerWindow");
        setIconImages(AppIcon.images());
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        screen = new RemoteScreen();
        screen.setScaling(this.settings.scaling);
        screen.setViewOnly(this.settings.viewOnly);
        screen.setPlaceholder("Connecting to " + this.settings.address + "...");
        screen.setStatusListener(this::showStatus);
        screenScroll = new JScrollPane(screen);
        screenScroll.setName("screenScroll");
        screenScroll.setBorder(null);
        screenScroll.getViewport().setBackground(new java.awt.Color(0x2b2b2b));
        tabs.setName("tabs");
        tabs.addTab("Screen", screenScroll);
        tabs.putClientProperty("JTabbedPane.tabType", "card");
        tabs.putClientProperty("JTabbedPane.hasFullBorder", false);

        split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, true);
        split.setName("deviceSplit");
        split.setResizeWeight(0);
        split.setBorder(null);
        centre.add(tabs, BorderLayout.CENTER);

        buildToolbar();
        setJMenuBar(buildMenuBar());
        buildPopup();

        status.setName("status");
        statusBar = new JPanel(new MigLayout("insets 2 8 2 8, fill", "[grow]"));
        statusBar.add(status, "growx");

        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, fill, wrap 1", "[grow,fill]", "[][grow,fill][]"));
        content.add(toolbar, "growx");
        content.add(centre, "grow");
        content.add(statusBar, "growx");
        setContentPane(content);

        JComponent root = getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F8, 0), "menu");
        root.getActionMap().put("menu", action("Menu", "menu", e -> showPopup()));
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F11, 0), "fullScreen");
        root.getActionMap().put("fullScreen", fullScreenAction);

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                disconnect();
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
        updateActions();
    }

    // ---- layout hooks for the device list and consoles ----

    /** The remote screen (the first tab). */
    public RemoteScreen screen() {
        return screen;
    }

    /** The tabs: the screen first, console tabs after it. */
    public JTabbedPane tabs() {
        return tabs;
    }

    /** Adds a console (or any) tab after the screen and returns its index. */
    public int addConsoleTab(String title, JComponent component) {
        tabs.addTab(title, component);
        return tabs.getTabCount() - 1;
    }

    /** Shows a device list at the left of the tabs (null removes it). */
    public void setDevicePanel(JComponent panel) {
        centre.removeAll();
        if (panel == null) {
            centre.add(tabs, BorderLayout.CENTER);
        } else {
            split.setLeftComponent(panel);
            split.setRightComponent(tabs);
            split.setDividerLocation(Math.max(160, panel.getPreferredSize().width));
            centre.add(split, BorderLayout.CENTER);
        }
        centre.revalidate();
        centre.repaint();
    }

    /** Stream devices announced by the server (reader thread): for the device list to come. */
    public void addDeviceListener(Consumer<DeviceNotice> l) {
        deviceListeners.add(l);
    }

    /** Stream capture messages from the server (reader thread): for the console tabs to come. */
    public void addStreamListener(Consumer<StreamMessage> l) {
        streamListeners.add(l);
    }

    /** The connection now in use, or null. */
    public RfbClient client() {
        return current == null ? null : current.client;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    // ---- connection ----

    /** The event handler for a new connection of this window. */
    public Link newLink() {
        return new Link();
    }

    /** Shows a connection made with {@code link} and starts it (event dispatch thread). */
    public void start(Link link, RfbClient client) {
        Link old = current;
        current = link;
        link.client = client;
        if (old != null && old.client != null) {
            old.client.close();
        }
        screen.attach(client.framebuffer(), RemoteInput.of(client));
        screen.setPlaceholder("Waiting for the first picture...");
        setDesktopName(client.serverInit().name());
        client.start();
        showStatus("Connected to " + settings.address + ": " + client.framebuffer().width() + " x "
                + client.framebuffer().height() + ", RFB " + client.protocolVersion());
        updateActions();
    }

    /** Sizes the window to the remote screen (within the display) and shows it. */
    public void showWindow() {
        pack();
        GraphicsConfiguration gc = getGraphicsConfiguration();
        Rectangle usable = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        usable = new Rectangle(usable.x + in.left, usable.y + in.top, usable.width - in.left - in.right,
                usable.height - in.top - in.bottom);
        Dimension d = getSize();
        setSize(Math.min(d.width, usable.width), Math.min(d.height, usable.height));
        setLocationRelativeTo(null);
        setVisible(true);
        screen.requestFocusInWindow();
    }

    private void setDesktopName(String name) {
        desktopName = name == null || name.isBlank() ? settings.address : name;
        setTitle(desktopName + " - vncstream");
    }

    /** Closes the connection (the window stays). */
    public void disconnect() {
        Link l = current;
        current = null;
        screen.detach();
        if (l != null && l.client != null) {
            l.client.close();
        }
        updateActions();
    }

    /** Connects again with the same settings. */
    public void reconnect() {
        if (connecting) {
            return;
        }
        disconnect();
        connecting = true;
        updateActions();
        showStatus("Reconnecting to " + settings.address + "...");
        Link link = newLink();
        new SwingWorker<RfbClient, Void>() {
            @Override
            protected RfbClient doInBackground() throws Exception {
                return Connector.open(settings, new PasswordPrompt(() -> ViewerWindow.this), link);
            }

            @Override
            protected void done() {
                connecting = false;
                try {
                    start(link, get());
                } catch (Exception e) {
                    String why = ConnectErrors.describe(e.getCause() != null ? e.getCause() : e, settings.address);
                    showStatus("Reconnect failed: " + why);
                    updateActions();
                    if (isDisplayable()) {
                        JOptionPane.showMessageDialog(ViewerWindow.this, why, "Reconnect failed - vncstream",
                                JOptionPane.ERROR_MESSAGE);
                    }
                }
            }
        }.execute();
    }

    private void disconnected(Link link, Exception cause) {
        if (link != current) {
            return;
        }
        screen.detach();
        String why = cause == null ? "closed" : ConnectErrors.describe(cause, settings.address);
        showStatus("Disconnected: " + why + " (Reconnect from the toolbar or the F8 menu)");
        setTitle(desktopName + " (disconnected) - vncstream");
        updateActions();
    }

    /** Receives one connection's events on its reader thread and passes them on. */
    public final class Link implements RfbClientHandler {
        volatile RfbClient client;

        private boolean isCurrent() {
            return current == this;
        }

        @Override
        public void cursorChanged(RemoteCursor cursor) {
            screen.setRemoteCursor(cursor);
        }

        @Override
        public void desktopNameChanged(String name) {
            SwingUtilities.invokeLater(() -> {
                if (isCurrent()) {
                    setDesktopName(name);
                }
            });
        }

        @Override
        public void desktopResized(int width, int height) {
            SwingUtilities.invokeLater(() -> {
                if (isCurrent()) {
                    showStatus("The remote screen is now " + width + " x " + height);
                }
            });
        }

        @Override
        public void bell() {
            Toolkit.getDefaultToolkit().beep();
        }

        @Override
        public void serverCutText(String text) {
            screen.serverCutText(text);
        }

        @Override
        public void deviceNotice(DeviceNotice notice) {
            for (Consumer<DeviceNotice> l : deviceListeners) {
                l.accept(notice);
            }
        }

        @Override
        public void streamMessage(StreamMessage message) {
            for (Consumer<StreamMessage> l : streamListeners) {
                l.accept(message);
            }
        }

        @Override
        public void disconnected(Exception cause) {
            if (cause != null) {
                LOG.info("Connection to {} ended: {}", settings.address, cause.toString());
            }
            SwingUtilities.invokeLater(() -> ViewerWindow.this.disconnected(this, cause));
        }
    }

    // ---- actions ----

    private static Action action(String name, String command, Consumer<ActionEvent> body) {
        AbstractAction a = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                body.accept(e);
            }
        };
        a.putValue(Action.ACTION_COMMAND_KEY, command);
        return a;
    }

    private void updateActions() {
        boolean connected = current != null && current.client != null && !current.client.isClosed();
        ctrlAltDel.setEnabled(connected && !screen.isViewOnly());
        sendF8.setEnabled(connected && !screen.isViewOnly());
        sendF11.setEnabled(connected && !screen.isViewOnly());
        screenshot.setEnabled(screen.image() != null);
        info.setEnabled(current != null);
        reconnect.setEnabled(!connecting);
        viewOnly.putValue(Action.SELECTED_KEY, screen.isViewOnly());
        darkTheme.putValue(Action.SELECTED_KEY, app.theme() == Theme.DARK);
        fullScreenAction.putValue(Action.SELECTED_KEY, fullScreen);
    }

    private void buildToolbar() {
        toolbar.setName("toolbar");
        toolbar.setFloatable(false);
        toolbar.setFocusable(false);
        toolbar.add(button(ctrlAltDel));
        toolbar.add(button(screenshot));
        toolbar.addSeparator();
        toolbar.add(toggle(viewOnly));
        toolbar.add(toggle(fullScreenAction));
        toolbar.addSeparator();
        toolbar.add(button(reconnect));
        toolbar.add(button(info));
    }

    private static javax.swing.JButton button(Action a) {
        javax.swing.JButton b = new javax.swing.JButton(a);
        b.setName("tool." + a.getValue(Action.ACTION_COMMAND_KEY));
        b.setFocusable(false);
        return b;
    }

    private static JToggleButton toggle(Action a) {
        JToggleButton b = new JToggleButton(a);
        b.setName("tool." + a.getValue(Action.ACTION_COMMAND_KEY));
        b.setFocusable(false);
        return b;
    }

    private JMenuBar buildMenuBar() {
        JMenuBar bar = new JMenuBar();
        bar.setName("menuBar");
        JMenu connection = new JMenu("Connection");
        connection.setName("menu.connection");
        connection.add(item(newConnection));
        connection.add(item(reconnect));
        connection.add(item(info));
        connection.addSeparator();
        connection.add(item(screenshot));
        connection.addSeparator();
        connection.add(item(close));
        bar.add(connection);

        JMenu keys = new JMenu("Keys");
        keys.setName("menu.keys");
        keys.add(item(ctrlAltDel));
        keys.add(item(sendF8));
        keys.add(item(sendF11));
        bar.add(keys);

        JMenu view = new JMenu("View");
        view.setName("menu.view");
        JCheckBoxMenuItem full = new JCheckBoxMenuItem(fullScreenAction);
        full.setName("menu.fullScreen");
        full.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_F11, 0));
        view.add(full);
        JCheckBoxMenuItem vo = new JCheckBoxMenuItem(viewOnly);
        vo.setName("menu.viewOnly");
        view.add(vo);
        view.addSeparator();
        view.add(scalingMenu());
        view.addSeparator();
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem(darkTheme);
        dark.setName("menu.darkTheme");
        view.add(dark);
        bar.add(view);
        return bar;
    }

    private JMenu scalingMenu() {
        JMenu m = new JMenu("Scaling");
        m.setName("menu.scaling");
        ButtonGroup group = new ButtonGroup();
        for (Scaling s : Scaling.values()) {
            JRadioButtonMenuItem it = new JRadioButtonMenuItem(s.label(), s == screen.scaling());
            it.setName("menu.scaling." + s.name());
            it.addActionListener(e -> setScaling(s));
            group.add(it);
            m.add(it);
        }
        return m;
    }

    private static JMenuItem item(Action a) {
        JMenuItem it = new JMenuItem(a);
        it.setName("menu." + a.getValue(Action.ACTION_COMMAND_KEY));
        return it;
    }

    private void buildPopup() {
        popup.setName("f8menu");
        popup.add(item(ctrlAltDel));
        popup.add(item(sendF8));
        popup.add(item(sendF11));
        popup.addSeparator();
        JCheckBoxMenuItem full = new JCheckBoxMenuItem(fullScreenAction);
        popup.add(full);
        popup.add(new JCheckBoxMenuItem(viewOnly));
        popup.add(scalingMenu());
        popup.addSeparator();
        popup.add(item(screenshot));
        popup.add(item(reconnect));
        popup.add(item(info));
        popup.addSeparator();
        popup.add(item(close));
    }

    private void showPopup() {
        updateActions();
        Rectangle r = screenScroll.getViewport().getViewRect();
        Dimension p = popup.getPreferredSize();
        popup.show(screen, r.x + Math.max(0, (r.width - p.width) / 2), r.y + Math.max(0, (r.height - p.height) / 2));
    }

    private void showStatus(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    /** The text of the status line. */
    public String statusText() {
        return status.getText();
    }

    private void toggleViewOnly() {
        setViewOnly(!screen.isViewOnly());
    }

    private void openConnectWindow() {
        app.showConnectWindow(null, false);
    }

    private void toggleTheme() {
        app.setTheme(app.theme() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
        updateActions();
    }

    public void setViewOnly(boolean on) {
        screen.setViewOnly(on);
        settings.viewOnly = on;
        showStatus(on ? "View only: keyboard and mouse are not sent" : "Keyboard and mouse go to the remote desktop");
        updateActions();
    }

    public void setScaling(Scaling s) {
        settings.scaling = s;
        screen.setScaling(s);
        screenScroll.revalidate();
        screenScroll.repaint();
    }

    private void sendCtrlAltDel() {
        RfbClient c = client();
        if (c != null && !screen.isViewOnly()) {
            KeyTranslator.sendCtrlAltDel(c::sendKey);
        }
    }

    private void sendKey(int keysym, int scancode) {
        RfbClient c = client();
        if (c != null && !screen.isViewOnly()) {
            c.sendKey(true, keysym, scancode);
            c.sendKey(false, keysym, scancode);
        }
    }

    private void showInfo() {
        if (infoDialog == null) {
            infoDialog = new ConnectionInfoDialog(this, this::client, () -> settings.address);
        }
        infoDialog.setVisible(true);
    }

    ConnectionInfoDialog infoDialog() {
        return infoDialog;
    }

    private void chooseScreenshotFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("screenshotChooser");
        chooser.setDialogTitle("Save screenshot - vncstream");
        chooser.setFileFilter(new FileNameExtensionFilter("PNG images", "png"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        chooser.setSelectedFile(new File("vncstream-" + stamp + ".png"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File f = chooser.getSelectedFile();
        if (!f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            f = new File(f.getParentFile(), f.getName() + ".png");
        }
        saveScreenshot(f.toPath());
    }

    /** Writes the framebuffer as a PNG; reports the outcome in the status line. */
    public boolean saveScreenshot(Path file) {
        try {
            screen.writePng(file);
            showStatus("Screenshot saved to " + file);
            return true;
        } catch (IOException | RuntimeException e) {
            showStatus("Screenshot not saved: " + e.getMessage());
            JOptionPane.showMessageDialog(this, "Could not save the screenshot to " + file + ":\n" + e.getMessage(),
                    "Screenshot - vncstream", JOptionPane.ERROR_MESSAGE);
            return false;
        }
    }

    public boolean isFullScreen() {
        return fullScreen;
    }

    /** Full screen on the window's monitor without decorations, toolbar or status line (F11 toggles). */
    public void toggleFullScreen() {
        fullScreen = !fullScreen;
        Rectangle target;
        if (fullScreen) {
            windowedBounds = getBounds();
            target = getGraphicsConfiguration().getBounds();
        } else {
            target = windowedBounds != null ? windowedBounds : getBounds();
        }
        dispose(); // decorations can only change while not displayable
        setUndecorated(fullScreen);
        toolbar.setVisible(!fullScreen);
        statusBar.setVisible(!fullScreen);
        getJMenuBar().setVisible(!fullScreen);
        setBounds(target);
        setVisible(true);
        if (fullScreen) {
            toFront();
        }
        screen.requestFocusInWindow();
        updateActions();
    }

    @Override
    public void dispose() {
        super.dispose();
    }
}
