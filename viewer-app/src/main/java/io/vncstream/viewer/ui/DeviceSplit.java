package io.vncstream.viewer.ui;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import java.awt.BorderLayout;
import java.awt.event.KeyEvent;

/**
 * The middle of the viewer window: the tabs alone, or the device list beside them in a split
 * the user can drag. The list appears by itself with a server's first device unless the user
 * has shown or hidden it; from then on the user's choice holds.
 */
final class DeviceSplit {
    private final JFrame frame;
    private final DevicePanel devicePanel;
    private final JComponent tabs;
    private final Runnable changed;
    private final JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, true);
    private final JPanel centre = new JPanel(new BorderLayout());
    private boolean shown;
    /** Null until the user shows or hides the device list; until then it appears with the first device. */
    private Boolean choice;

    /** @param changed told after the list was shown or hidden (menus tick it) */
    DeviceSplit(JFrame frame, DevicePanel devicePanel, JComponent tabs, Runnable changed) {
        this.frame = frame;
        this.devicePanel = devicePanel;
        this.tabs = tabs;
        this.changed = changed;
        split.setName("deviceSplit");
        split.setResizeWeight(0);
        split.setBorder(BorderFactory.createEmptyBorder());
        // The split pane takes F8 (move the divider) from everything inside it: F8 is the viewer's menu.
        split.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_F8, 0), "none");
        centre.add(tabs, BorderLayout.CENTER);
    }

    /** What goes in the middle of the window. */
    JComponent component() {
        return centre;
    }

    boolean isShown() {
        return shown;
    }

    /** A device was listed: the first one shows the list (widening the window), unless the user decided. */
    void deviceListed() {
        if (choice == null && !shown) {
            show(true);
            WindowSizing.widenFor(frame, devicePanel.getPreferredSize().width + split.getDividerSize());
        }
    }

    /** Shows or hides the list as the user asks; that choice wins over showing it for the first device. */
    void setShownByUser(boolean on) {
        choice = on;
        show(on);
    }

    private void show(boolean on) {
        shown = on;
        centre.removeAll();
        if (on) {
            split.setLeftComponent(devicePanel);
            split.setRightComponent(tabs);
            split.setDividerLocation(Math.max(160, devicePanel.getPreferredSize().width));
            centre.add(split, BorderLayout.CENTER);
        } else {
            centre.add(tabs, BorderLayout.CENTER);
        }
        centre.revalidate();
        centre.repaint();
        changed.run();
    }
}
