package io.vncstream.viewer.ui;

import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import java.util.function.Supplier;

/**
 * A viewer window's devices and their console tabs, as the user moves among them: the device
 * list shown or hidden, a console opened (asking first of a device another program owns) or
 * closed, the next or previous tab, and the keyboard following the tab the user looks at.
 */
final class WindowConsoles {
    private final JTabbedPane tabs;
    private final ConsoleTabs consoles;
    private final DevicePanel devicePanel;
    private final DeviceSplit deviceSplit;
    /** The screen's tab, and what takes the keyboard there. */
    private final JComponent screenTab;
    private final JComponent screen;
    /** The window's libvirt domain, or null. */
    private final Supplier<DomainControl> domain;
    /** Brings the window's actions up to date (what is enabled). */
    private final Runnable update;

    WindowConsoles(JTabbedPane tabs, ConsoleTabs consoles, DevicePanel devicePanel, DeviceSplit deviceSplit,
                   JComponent screenTab, JComponent screen, Supplier<DomainControl> domain, Runnable update) {
        this.tabs = tabs;
        this.consoles = consoles;
        this.devicePanel = devicePanel;
        this.deviceSplit = deviceSplit;
        this.screenTab = screenTab;
        this.screen = screen;
        this.domain = domain;
        this.update = update;
    }

    boolean isDevicesShown() {
        return deviceSplit.isShown();
    }

    /** Shows or hides the device list; the user's choice wins over showing it for the first device. */
    void setDevicesShown(boolean shown) {
        deviceSplit.setShownByUser(shown);
    }

    String selectedDevice() {
        return devicePanel.selectedDevice();
    }

    /**
     * Opens (or shows) the console tab of {@code device} and gives it the keyboard; null when the
     * user would rather not open a device another program owns (the guest agent's channel).
     */
    ConsoleTab open(String device) {
        DomainControl d = domain.get();
        if (consoles.get(device) == null && d != null && !d.confirmOpen(devicePanel.device(device))) {
            return null;
        }
        ConsoleTab t = consoles.open(device);
        update.run();
        return t;
    }

    void openSelected() {
        String d = selectedDevice();
        if (d != null) {
            open(d);
        }
    }

    void closeSelected() {
        ConsoleTab t = consoles.selected();
        if (t != null) {
            consoles.close(t.device());
            update.run();
        }
    }

    /** Moves {@code step} tabs on, round: the shortcut between the screen and the consoles. */
    void switchTab(int step) {
        int n = tabs.getTabCount();
        if (n > 1) {
            tabs.setSelectedIndex(Math.floorMod(tabs.getSelectedIndex() + step, n));
        }
    }

    /** The keyboard goes where the user is looking: the screen or the selected console. */
    void focusSelectedTab() {
        ConsoleTab t = consoles.selected();
        if (t != null) {
            t.session().component().requestFocusInWindow();
        } else if (tabs.getSelectedComponent() == screenTab) {
            screen.requestFocusInWindow();
        }
    }
}
