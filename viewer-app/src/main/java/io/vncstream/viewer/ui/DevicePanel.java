package io.vncstream.viewer.ui;

import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.DeviceSourceListener;
import net.miginfocom.swing.MigLayout;

import javax.swing.AbstractAction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Consumer;

/**
 * The server's devices (serial consoles, logs), live: hot-plugged devices appear and removed
 * ones go. Double-click or Enter opens a device's console. Event dispatch thread.
 */
final class DevicePanel extends JPanel {
    private final DefaultListModel<DeviceInfo> model = new DefaultListModel<>();
    private final JList<DeviceInfo> list = new JList<>(model);
    private final JLabel hint = new JLabel();
    private DeviceSource source;
    private DeviceSourceListener listening;

    private final Runnable listed;

    DevicePanel(Consumer<String> openConsole, Runnable listed) {
        super(new MigLayout("insets 4 4 4 0, fill, wrap 1", "[grow,fill]", "[][grow,fill][]"));
        this.listed = listed;
        setName("devicePanel");
        JLabel title = new JLabel("Devices");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        add(title);
        list.setName("devices");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setToolTipText("Double-click or Enter opens the device's console");
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = list.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2 && i >= 0 && list.getCellBounds(i, i).contains(e.getPoint())) {
                    openConsole.accept(model.get(i).name());
                }
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openConsole");
        list.getActionMap().put("openConsole", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                DeviceInfo d = list.getSelectedValue();
                if (d != null) {
                    openConsole.accept(d.name());
                }
            }
        });
        list.setCellRenderer(new Renderer());
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new java.awt.Dimension(170, 100));
        add(scroll);
        hint.setName("devicesHint");
        hint.setEnabled(false);
        add(hint);
        showHint();
    }

    /** Follows the devices of a new source (a new connection announces them all at the start). */
    void connected(DeviceSource s) {
        stopListening();
        source = s;
        model.clear();
        listening = new DeviceSourceListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
                SwingUtilities.invokeLater(() -> {
                    if (source == s && indexOf(device.name()) < 0) {
                        model.addElement(device);
                        showHint();
                        listed.run();
                    }
                });
            }

            @Override
            public void deviceRemoved(String name) {
                SwingUtilities.invokeLater(() -> {
                    int i = indexOf(name);
                    if (source == s && i >= 0) {
                        model.remove(i);
                        showHint();
                    }
                });
            }
        };
        s.addListener(listening);
        // What the source listed before we listened (a libvirt domain's devices are known at once).
        for (DeviceInfo d : s.devices()) {
            if (indexOf(d.name()) < 0) {
                model.addElement(d);
                listed.run();
            }
        }
        showHint();
    }

    /** No source: no devices to offer until the next one announces them. */
    void connectionLost() {
        stopListening();
        source = null;
        model.clear();
        showHint();
    }

    private void stopListening() {
        if (source != null && listening != null) {
            source.removeListener(listening);
        }
        listening = null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void showHint() {
        hint.setText(source == null ? "Not connected" : model.isEmpty() ? "No devices" : " ");
    }

    JList<DeviceInfo> deviceList() {
        return list;
    }

    /** The devices listed, in order. */
    java.util.List<String> devices() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            out.add(model.get(i).name());
        }
        return out;
    }

    String selectedDevice() {
        DeviceInfo d = list.getSelectedValue();
        return d == null ? null : d.name();
    }

    /** The listed device called {@code name}, or null. */
    DeviceInfo device(String name) {
        int i = indexOf(name);
        return i < 0 ? null : model.get(i);
    }

    /** A device's name, and its detail (a channel's target name) greyed beside it. */
    private static final class Renderer extends DefaultListCellRenderer {
        @Override
        public java.awt.Component getListCellRendererComponent(JList<?> l, Object value, int index,
                                                               boolean selected, boolean focused) {
            super.getListCellRendererComponent(l, value, index, selected, focused);
            DeviceInfo d = (DeviceInfo) value;
            setText(d.name());
            setToolTipText(d.detail().isEmpty() ? null : d.name() + ": " + d.detail());
            if (!d.detail().isEmpty()) {
                setText(d.name() + "  " + d.detail());
            }
            return this;
        }
    }
}
