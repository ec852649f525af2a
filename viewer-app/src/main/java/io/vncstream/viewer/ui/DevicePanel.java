package io.vncstream.viewer.ui;

import io.vncstream.rfb.stream.DeviceListener;
import io.vncstream.rfb.stream.StreamClient;
import net.miginfocom.swing.MigLayout;

import javax.swing.AbstractAction;
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
    private final DefaultListModel<String> model = new DefaultListModel<>();
    private final JList<String> list = new JList<>(model);
    private final JLabel hint = new JLabel();
    private StreamClient streams;

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
                    openConsole.accept(model.get(i));
                }
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openConsole");
        list.getActionMap().put("openConsole", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                String d = list.getSelectedValue();
                if (d != null) {
                    openConsole.accept(d);
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new java.awt.Dimension(170, 100));
        add(scroll);
        hint.setName("devicesHint");
        hint.setEnabled(false);
        add(hint);
        showHint();
    }

    /** Follows the devices of a new connection (the server announces them all at the start). */
    void connected(StreamClient s) {
        streams = s;
        model.clear();
        s.addDeviceListener(new DeviceListener() {
            @Override
            public void deviceAdded(String name) {
                SwingUtilities.invokeLater(() -> {
                    if (streams == s && !model.contains(name)) {
                        model.addElement(name);
                        showHint();
                        listed.run();
                    }
                });
            }

            @Override
            public void deviceRemoved(String name) {
                SwingUtilities.invokeLater(() -> {
                    if (streams == s) {
                        model.removeElement(name);
                        showHint();
                    }
                });
            }
        });
        showHint();
    }

    /** No connection: no devices to offer until the next one announces them. */
    void connectionLost() {
        streams = null;
        model.clear();
        showHint();
    }

    private void showHint() {
        hint.setText(streams == null ? "Not connected" : model.isEmpty() ? "No devices" : " ");
    }

    JList<String> deviceList() {
        return list;
    }

    /** The devices listed, in order. */
    java.util.List<String> devices() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            out.add(model.get(i));
        }
        return out;
    }

    String selectedDevice() {
        return list.getSelectedValue();
    }
}
