package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.viewer.keys.KeySyms;
import io.vncstream.viewer.keys.KeyTranslator;
import io.vncstream.viewer.screen.Scaling;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.util.function.Consumer;

/**
 * What the user can do in a viewer window, and where it is offered: the toolbar, the menu bar
 * and the F8 menu (as in TigerVNC) all show the same actions, so their enabled state agrees.
 */
final class ViewerActions {
    private final ViewerWindow w;
    /** The scaling choices of the menu bar and of the F8 menu: both tick the mode in use. */
    private final java.util.List<JRadioButtonMenuItem> scalingItems = new java.util.ArrayList<>();

    final Action ctrlAltDel;
    final Action sendF8;
    final Action sendF11;
    final Action screenshot;
    final Action fullScreen;
    final Action viewOnly;
    final Action clipboardSync;
    final Action remoteResize;
    final Action audio;
    final PowerActions power;
    final Action reconnect;
    final Action info;
    final Action newConnection;
    final Action close;
    final Action darkTheme;
    final Action devices;
    final Action openConsole;
    final Action closeConsole;
    final Action logSettings;
    final Action nextTab;
    final Action previousTab;

    ViewerActions(ViewerWindow w) {
        this.w = w;
        ctrlAltDel = action("Send Ctrl-Alt-Del", "ctrlAltDel", e -> sendCtrlAltDel());
        sendF8 = action("Send F8", "sendF8", e -> sendKey(KeySyms.F1 + 7, 0x42));
        sendF11 = action("Send F11", "sendF11", e -> sendKey(KeySyms.F1 + 10, 0x57));
        screenshot = action("Screenshot...", "screenshot", e -> Screenshots.choose(w));
        fullScreen = action("Full screen", "fullScreen", e -> w.toggleFullScreen());
        viewOnly = action("View only", "viewOnly", e -> w.controls().setViewOnly(!w.screen().isViewOnly()));
        clipboardSync = action("Clipboard sync", "clipboardSync", e -> {
            boolean on = !w.screen().clipboard().isSyncEnabled();
            w.screen().clipboard().setSyncEnabled(on);
            w.showStatus(on ? "Clipboard shared with the remote desktop" : "Clipboard not shared with the remote desktop");
            update();
        });
        power = new PowerActions(w);
        remoteResize = action("Resize remote session to the window", "remoteResize",
                e -> w.controls().setRemoteResize(!w.controls().remoteResize().isEnabled()));
        audio = action("Play remote audio", "audio", e -> w.controls().setAudio(!w.controls().audio().isEnabled()));
        reconnect = action("Reconnect", "reconnect", e -> w.keeper().reconnectNow());
        info = action("Connection info", "info", e -> w.showInfo());
        newConnection = action("New connection...", "newConnection", e -> w.app().showConnectWindow(null, false));
        close = action("Close", "close", e -> w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING)));
        darkTheme = action("Dark theme", "darkTheme", e -> {
            w.app().setTheme(w.app().theme() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
            update();
        });
        devices = action("Devices", "devices", e -> w.consoleTabs().setDevicesShown(!w.consoleTabs().isDevicesShown()));
        openConsole = action("Open console", "openConsole", e -> w.consoleTabs().openSelected());
        closeConsole = action("Close console", "closeConsole", e -> w.consoleTabs().closeSelected());
        logSettings = action("Log settings...", "logSettings", e -> editLogSettings());
        nextTab = action("Next tab", "nextTab", e -> w.consoleTabs().switchTab(1));
        previousTab = action("Previous tab", "previousTab", e -> w.consoleTabs().switchTab(-1));
        nextTab.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, KeyEvent.CTRL_DOWN_MASK));
        previousTab.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, KeyEvent.CTRL_DOWN_MASK));
        fullScreen.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(KeyEvent.VK_F11, 0));
    }

    /** Asks for the console log settings; they apply to new consoles, and input recording to open ones too. */
    private void editLogSettings() {
        var chosen = io.vncstream.terminal.swing.LogSettingsPanel.edit(w, w.app().logSettings(),
                w.app().consoleOptions().logDirectory());
        if (chosen != null) {
            w.app().setLogSettings(chosen);
            w.consoles().recordInput(chosen.recordInput());
        }
    }

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

    /** Enables what makes sense now and ticks the toggles. */
    void update() {
        boolean connected = w.keeper().isConnected();
        boolean input = connected && !w.screen().isViewOnly();
        ctrlAltDel.setEnabled(input);
        sendF8.setEnabled(input);
        sendF11.setEnabled(input);
        screenshot.setEnabled(w.screen().image() != null);
        info.setEnabled(w.keeper().current() != null);
        reconnect.setEnabled(!w.keeper().isConnecting());
        openConsole.setEnabled(w.consoleTabs().selectedDevice() != null);
        closeConsole.setEnabled(w.consoles().selected() != null);
        viewOnly.putValue(Action.SELECTED_KEY, w.screen().isViewOnly());
        clipboardSync.putValue(Action.SELECTED_KEY, w.screen().clipboard().isSyncEnabled());
        remoteResize.putValue(Action.SELECTED_KEY, w.controls().remoteResize().isEnabled());
        audio.putValue(Action.SELECTED_KEY, w.controls().audio().isEnabled());
        power.update();
        darkTheme.putValue(Action.SELECTED_KEY, w.app().theme() == Theme.DARK);
        fullScreen.putValue(Action.SELECTED_KEY, w.isFullScreen());
        devices.putValue(Action.SELECTED_KEY, w.consoleTabs().isDevicesShown());
        for (JRadioButtonMenuItem it : scalingItems) {
            it.setSelected(it.getClientProperty(Scaling.class) == w.screen().scaling());
        }
    }

    JToolBar toolbar() {
        JToolBar toolbar = new JToolBar();
        toolbar.setName("toolbar");
        toolbar.setFloatable(false);
        toolbar.setFocusable(false);
        toolbar.add(toggle(devices));
        toolbar.addSeparator();
        toolbar.add(button(ctrlAltDel));
        toolbar.add(button(screenshot));
        toolbar.addSeparator();
        toolbar.add(toggle(viewOnly));
        toolbar.add(toggle(fullScreen));
        toolbar.addSeparator();
        toolbar.add(button(reconnect));
        toolbar.add(button(info));
        return toolbar;
    }

    private static JButton button(Action a) {
        JButton b = new JButton(a);
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

    JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        bar.setName("menuBar");
        bar.add(menu("Connection", "connection", newConnection, reconnect, info, null, screenshot, null, close));
        bar.add(menu("Keys", "keys", ctrlAltDel, sendF8, sendF11));
        bar.add(power.menu());
        JMenu view = menu("View", "view", fullScreen, viewOnly, clipboardSync, devices, null);
        view.add(scalingMenu());
        view.add(check(remoteResize));
        view.add(check(audio));
        view.addSeparator();
        view.add(check(darkTheme));
        bar.add(view);
        bar.add(menu("Consoles", "consoles", openConsole, closeConsole, null, nextTab, previousTab, null, logSettings));
        return bar;
    }

    /** The F8 menu. */
    JPopupMenu popup() {
        JPopupMenu popup = new JPopupMenu();
        popup.setName("f8menu");
        for (Action a : new Action[]{ctrlAltDel, sendF8, sendF11, null, fullScreen, viewOnly, devices}) {
            addTo(popup, a);
        }
        popup.add(scalingMenu());
        for (Action a : new Action[]{null, nextTab, closeConsole, null, screenshot, reconnect, info, null, close}) {
            addTo(popup, a);
        }
        return popup;
    }

    private void addTo(JPopupMenu popup, Action a) {
        if (a == null) {
            popup.addSeparator();
        } else {
            popup.add(menuItem(a));
        }
    }

    private JMenu menu(String title, String name, Action... actions) {
        JMenu m = new JMenu(title);
        m.setName("menu." + name);
        for (Action a : actions) {
            if (a == null) {
                m.addSeparator();
            } else {
                m.add(menuItem(a));
            }
        }
        return m;
    }

    /** A check box item for the toggles, a plain item for the rest. */
    private JMenuItem menuItem(Action a) {
        boolean toggle = a == fullScreen || a == viewOnly || a == clipboardSync || a == remoteResize || a == devices || a == darkTheme;
        return toggle ? check(a) : item(a);
    }

    private JMenu scalingMenu() {
        JMenu m = new JMenu("Scaling");
        m.setName("menu.scaling");
        ButtonGroup group = new ButtonGroup();
        for (Scaling s : Scaling.values()) {
            JRadioButtonMenuItem it = new JRadioButtonMenuItem(s.label(), s == w.screen().scaling());
            it.setName("menu.scaling." + s.name());
            it.putClientProperty(Scaling.class, s);
            scalingItems.add(it);
            it.addActionListener(e -> w.controls().setScaling(s));
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

    private static JCheckBoxMenuItem check(Action a) {
        JCheckBoxMenuItem it = new JCheckBoxMenuItem(a);
        it.setName("menu." + a.getValue(Action.ACTION_COMMAND_KEY));
        return it;
    }

    private void sendCtrlAltDel() {
        RfbClient c = w.client();
        if (c != null && !w.screen().isViewOnly()) {
            KeyTranslator.sendCtrlAltDel(c::sendKey);
        }
    }

    private void sendKey(int keysym, int scancode) {
        RfbClient c = w.client();
        if (c != null && !w.screen().isViewOnly()) {
            c.sendKey(true, keysym, scancode);
            c.sendKey(false, keysym, scancode);
        }
    }
}
