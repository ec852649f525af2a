package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.viewer.connect.ConnectErrors;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.screen.Scaling;
import net.miginfocom.swing.MigLayout;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import java.awt.Color;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;

/**
 * The connection window: the address (with the recent servers), the options, and Connect with
 * progress. Failures are shown in words under the form (refused, timed out, authentication
 * failed and why), and the window stays for another try.
 */
public final class ConnectWindow extends JFrame {
    private static final String DEFAULT = "Server default";

    private final ViewerApp app;
    final JComboBox<String> address = new JComboBox<>();
    final JTextField via = new JTextField();
    final JComboBox<String> encoding = new JComboBox<>();
    final JComboBox<String> jpegQuality = new JComboBox<>();
    final JComboBox<String> compressLevel = new JComboBox<>();
    final JComboBox<Scaling> scaling = new JComboBox<>(Scaling.values());
    final JCheckBox viewOnly = new JCheckBox("View only (send no keyboard or mouse input)");
    final JCheckBox shared = new JCheckBox("Shared (leave other viewers connected)");
    final JTextField securityTypes = new JTextField();
    final JTextField x509Ca = new JTextField();
    final JButton connectButton = new JButton("Connect");
    final JButton cancelButton = new JButton("Cancel");
    final JProgressBar progress = new JProgressBar();
    final JTextArea message = new JTextArea(2, 40);
    private SwingWorker<RfbClient, Void> worker;
    private ViewerWindow pending;
    final LibvirtPage libvirtPage;

    ConnectWindow(ViewerApp app, String initialAddress) {
        super("Connect - vncstream");
        this.app = app;
        setName("connectWindow");
        setIconImages(AppIcon.images());
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        ConnectionSettings s = app.lastSettings();
        List<String> recent = app.config().recentServers();
        address.setModel(new DefaultComboBoxModel<>(recent.toArray(String[]::new)));
        address.setEditable(true);
        address.setName("address");
        address.setSelectedItem(initialAddress != null ? initialAddress : recent.isEmpty() ? "" : recent.get(0));
        address.setToolTipText("host, host:DISPLAY, host::PORT, vnc://host:port, [ipv6]:DISPLAY, unix:PATH");
        via.setName("via");
        via.setToolTipText("[user@]host[:port] of an SSH host to tunnel through; the server address is then as that"
                + " host sees it (localhost:1 is its own display 1)");
        String initialVia = app.initialVia();
        via.setText(initialVia != null ? initialVia : app.config().viaFor(String.valueOf(address.getSelectedItem())));
        // Choosing a recent server brings back the SSH host it was reached through.
        address.addActionListener(e -> {
            Object chosen = address.getSelectedItem();
            if ("comboBoxChanged".equals(e.getActionCommand()) && chosen != null && recent.contains(chosen.toString())) {
                via.setText(app.config().viaFor(chosen.toString()));
            }
        });

        encoding.setName("encoding");
        for (String e : ConnectionSettings.ENCODINGS.keySet()) {
            encoding.addItem(e);
        }
        encoding.setSelectedItem(s.encoding);
        levels(jpegQuality, "jpegQuality", s.jpegQuality);
        levels(compressLevel, "compressLevel", s.compressLevel);
        scaling.setName("scaling");
        scaling.setSelectedItem(s.scaling);
        viewOnly.setName("viewOnly");
        viewOnly.setSelected(s.viewOnly);
        shared.setName("shared");
        shared.setSelected(s.shared);
        securityTypes.setName("securityTypes");
        securityTypes.setText(s.securityTypes);
        securityTypes.putClientProperty("JTextField.placeholderText", "default: X509, then TLS, then unencrypted");
        x509Ca.setName("x509Ca");
        x509Ca.setText(s.x509Ca);
        x509Ca.putClientProperty("JTextField.placeholderText", "only the system's CAs");
        x509Ca.setToolTipText("A PEM file of CA certificates to trust for TLS servers, besides the system's");
        securityTypes.setToolTipText("<html>Allowed security types in the order preferred, as TigerVNC names them:<br>"
                + "X509Vnc, X509Plain, X509None, TLSVnc, TLSPlain, TLSNone, VncAuth, None, Plain.<br>"
                + "Leave out VncAuth and None to refuse unencrypted connections.</html>");

        progress.setName("progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        message.setName("message");
        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setFocusable(false);
        message.setBorder(null);
        connectButton.setName("connect");
        cancelButton.setName("cancel");

        JPanel p = new JPanel(new MigLayout("wrap 2, insets dialog, hidemode 3", "[right][grow,fill,300lp]"));
        JLabel title = new JLabel("Connect to a VNC server");
        title.putClientProperty("FlatLaf.styleClass", "h3");
        p.add(title, "span 2, left, gapbottom para");
        p.add(new JLabel("Server:"));
        p.add(address);
        p.add(new JLabel("Via SSH host:"));
        p.add(via);
        p.add(new JSeparator(), "span 2, growx, gaptop para");
        p.add(new JLabel("Preferred encoding:"));
        p.add(encoding);
        p.add(new JLabel("JPEG quality:"));
        p.add(jpegQuality);
        p.add(new JLabel("Compression level:"));
        p.add(compressLevel);
        p.add(new JLabel("Scaling:"));
        p.add(scaling);
        p.add(viewOnly, "skip 1");
        p.add(shared, "skip 1");
        p.add(new JLabel("Security types:"));
        p.add(securityTypes);
        p.add(new JLabel("CA certificates:"));
        p.add(x509Ca);
        p.add(progress, "span 2, growx, gaptop para");
        p.add(message, "span 2, growx, wmin 10");
        p.add(cancelButton, "span 2, split 2, right, gaptop para, tag cancel");
        p.add(connectButton, "tag ok");
        // The libvirt page beside the server form: a VM by name instead of an address.
        javax.swing.JTabbedPane pages = new javax.swing.JTabbedPane();
        pages.setName("connectPages");
        pages.addTab("VNC server", p);
        libvirtPage = new LibvirtPage(app, this::dispose);
        pages.addTab("libvirt", libvirtPage);
        setContentPane(pages);
        getRootPane().setDefaultButton(connectButton);
        getRootPane().registerKeyboardAction(e -> cancel(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        connectButton.addActionListener(e -> connect());
        cancelButton.addActionListener(e -> cancel());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                app.windowClosed(ConnectWindow.this);
            }
        });
        pack();
        setMinimumSize(getSize());
    }

    private static void levels(JComboBox<String> box, String name, int value) {
        box.setName(name);
        box.addItem(DEFAULT);
        for (int i = 0; i <= 9; i++) {
            box.addItem(Integer.toString(i));
        }
        box.setSelectedIndex(value < 0 ? 0 : value + 1);
    }

    /** The form's settings. */
    ConnectionSettings settings() {
        ConnectionSettings s = new ConnectionSettings();
        Object a = address.isEditable() ? address.getEditor().getItem() : address.getSelectedItem();
        s.address = a == null ? "" : a.toString().trim();
        s.via = via.getText().trim();
        s.encoding = (String) encoding.getSelectedItem();
        s.jpegQuality = jpegQuality.getSelectedIndex() - 1;
        s.compressLevel = compressLevel.getSelectedIndex() - 1;
        s.scaling = (Scaling) scaling.getSelectedItem();
        s.viewOnly = viewOnly.isSelected();
        s.shared = shared.isSelected();
        s.securityTypes = securityTypes.getText().trim();
        s.x509Ca = x509Ca.getText().trim();
        s.user = app.lastSettings().user;
        return s;
    }

    /** Connects with the form's settings; on success the viewer window replaces this one. */
    public void connect() {
        if (worker != null) {
            return;
        }
        ConnectionSettings s = settings();
        if (s.address.isEmpty()) {
            error("Enter a server address, for example localhost:1");
            return;
        }
        try {
            ServerAddress.parse(s.address);
        } catch (IllegalArgumentException e) {
            error("Invalid address: " + e.getMessage());
            return;
        }
        if (!s.via.isEmpty()) {
            try {
                io.vncstream.ssh.SshTarget.parse(s.via);
            } catch (IllegalArgumentException e) {
                error("Invalid SSH host: " + e.getMessage());
                return;
            }
        }
        if (!s.securityTypes.isEmpty()) {
            try {
                s.securityTypes = io.vncstream.rfb.security.SecurityTypes.parse(s.securityTypes).toString();
            } catch (IllegalArgumentException e) {
                error("Invalid security types: " + e.getMessage());
                return;
            }
        }
        app.remember(s);
        setBusy(true, "Connecting to " + s.address + "...");
        ViewerWindow window = new ViewerWindow(app, s);
        pending = window;
        Link link = window.newLink();
        worker = new SwingWorker<>() {
            @Override
            protected RfbClient doInBackground() throws Exception {
                return SecureConnect.open(app, s, () -> ConnectWindow.this, link.handler());
            }

            @Override
            protected void done() {
                SwingWorker<RfbClient, Void> me = worker;
                worker = null;
                if (me != this || isCancelled() || pending != window) {
                    closeQuietly(this);
                    window.dispose();
                    return;
                }
                pending = null;
                try {
                    RfbClient client = get();
                    app.windowOpened(window);
                    window.start(link, client);
                    window.showWindow();
                    dispose();
                } catch (Exception e) {
                    window.dispose();
                    setBusy(false, null);
                    error(ConnectErrors.describe(e, s.address)); // it looks inside the ExecutionException
                }
            }
        };
        worker.execute();
    }

    private static void closeQuietly(SwingWorker<RfbClient, Void> w) {
        if (!w.isCancelled()) {
            try {
                w.get().close();
            } catch (Exception ignored) {
                // it failed anyway
            }
        }
    }

    private void cancel() {
        if (worker != null) {
            // The connection attempt cannot be interrupted; its result is dropped (and closed) when it ends.
            worker = null;
            if (pending != null) {
                pending.dispose();
                pending = null;
            }
            setBusy(false, "Cancelled.");
            return;
        }
        dispose();
    }

    private void setBusy(boolean busy, String text) {
        progress.setVisible(busy);
        connectButton.setEnabled(!busy);
        address.setEnabled(!busy);
        via.setEnabled(!busy);
        cancelButton.setText(busy ? "Stop" : "Cancel");
        message.setForeground(UIManager.getColor("Label.foreground"));
        message.setText(text == null ? "" : text);
        pack();
    }

    /** Shows a failure under the form (a connection started elsewhere failed). */
    void showError(String text) {
        error(text);
    }

    private void error(String text) {
        Color red = UIManager.getColor("Component.error.focusedBorderColor");
        message.setForeground(red != null ? red : new Color(0xc62828));
        message.setText(text);
        pack();
        // The address was disabled while connecting, so the focus had moved on: bring it back for a correction.
        address.getEditor().getEditorComponent().requestFocusInWindow();
        address.getEditor().selectAll();
    }

    /** The message under the form (progress or the last error). */
    public String messageText() {
        return message.getText();
    }
}
