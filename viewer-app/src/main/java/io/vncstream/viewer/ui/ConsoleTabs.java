package io.vncstream.viewer.ui;

import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.DeviceSourceListener;
import io.vncstream.terminal.TerminalOptions;

import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The console tabs after the screen tab, one per device, and their captures from the current
 * source of devices (the connection's stream extension, or libvirt). A tab whose capture ended (device removed, connection lost) is captured again
 * when its device is announced again, by the same or the next connection. Event dispatch thread.
 */
final class ConsoleTabs {
    private final JTabbedPane tabs;
    private final Supplier<TerminalOptions> options;
    private final Map<String, ConsoleTab> consoles = new LinkedHashMap<>();
    private DeviceSource source;
    private DeviceSourceListener listening;

    ConsoleTabs(JTabbedPane tabs, Supplier<TerminalOptions> options) {
        this.tabs = tabs;
        this.options = options;
        // FlatLaf draws the close button of tabs whose component asks for one.
        tabs.putClientProperty("JTabbedPane.tabCloseCallback", (BiConsumer<JTabbedPane, Integer>) (pane, index) -> {
            ConsoleTab t = at(index);
            if (t != null) {
                close(t.device());
            }
        });
    }

    /** A new source of devices (a new connection): its devices are (re)captured where a tab waits for them. */
    void connected(DeviceSource s) {
        stopListening();
        source = s;
        listening = new DeviceSourceListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
                SwingUtilities.invokeLater(() -> {
                    ConsoleTab t = consoles.get(device.name());
                    if (source == s && t != null) {
                        t.capture(s);
                    }
                });
            }

            @Override
            public void deviceRemoved(String name) {
                SwingUtilities.invokeLater(() -> {
                    ConsoleTab t = consoles.get(name);
                    if (source == s && t != null) {
                        t.deviceRemoved();
                    }
                });
            }
        };
        s.addListener(listening);
    }

    /** The source is gone; the captures end on their own and the tabs keep their contents. */
    void connectionLost() {
        stopListening();
        source = null;
    }

    private void stopListening() {
        if (source != null && listening != null) {
            source.removeListener(listening);
        }
        listening = null;
    }

    /** Shows the device's console, opening the tab and starting the capture if needed. */
    ConsoleTab open(String device) {
        ConsoleTab t = consoles.get(device);
        if (t == null) {
            t = new ConsoleTab(device, options.get(), this::refreshTitles);
            consoles.put(device, t);
            JComponent view = t.view();
            view.setName("console." + device);
            view.putClientProperty("JTabbedPane.tabClosable", true);
            view.putClientProperty("JTabbedPane.tabCloseToolTipText", "Close the console (ends the capture)");
            tabs.addTab(device, view);
        }
        if (source != null && !t.isLive() && source.has(device)) {
            t.capture(source);
        }
        tabs.setSelectedComponent(t.view());
        return t;
    }

    /** Closes the device's tab and ends its capture. */
    void close(String device) {
        ConsoleTab t = consoles.remove(device);
        if (t != null) {
            tabs.remove(t.view());
            t.close();
        }
    }

    /** Closes every console (the window is closing). */
    void closeAll() {
        for (String device : List.copyOf(consoles.keySet())) {
            close(device);
        }
    }

    /** The user turned storing typed input in logs on or off: open consoles follow at once. */
    void recordInput(boolean on) {
        for (ConsoleTab t : consoles.values()) {
            t.session().sessionLog().recordInput(on);
        }
    }

    ConsoleTab get(String device) {
        return consoles.get(device);
    }

    /** The console in tab {@code index}, or null for the screen. */
    ConsoleTab at(int index) {
        if (index < 0 || index >= tabs.getTabCount()) {
            return null;
        }
        java.awt.Component c = tabs.getComponentAt(index);
        for (ConsoleTab t : consoles.values()) {
            if (t.view() == c) {
                return t;
            }
        }
        return null;
    }

    ConsoleTab selected() {
        return at(tabs.getSelectedIndex());
    }

    private void refreshTitles() {
        for (ConsoleTab t : consoles.values()) {
            int i = tabs.indexOfComponent(t.view());
            if (i >= 0) {
                tabs.setTitleAt(i, t.title());
            }
        }
    }
}
