package io.vncstream.viewer.ui;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.RfbClient;
import net.miginfocom.swing.MigLayout;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Live facts about the connection: server, size, pixel format, encodings in use, throughput. */
final class ConnectionInfoDialog extends JDialog {
    private final Supplier<RfbClient> client;
    private final Supplier<String> address;
    private final JLabel server = value("server");
    private final JLabel name = value("desktopName");
    private final JLabel protocol = value("protocol");
    private final JLabel security = value("connectionSecurity");
    private final JLabel size = value("size");
    private final JLabel format = value("pixelFormat");
    private final JLabel requested = value("requestedEncodings");
    private final JLabel inUse = value("encodingsInUse");
    private final JLabel received = value("received");
    private final JLabel updates = value("updates");
    private final JLabel sent = value("sent");
    private final JLabel keys = value("keys");
    private final Timer timer;
    private long lastBytes = -1;
    private long lastUpdates;
    private long lastTime;

    ConnectionInfoDialog(JFrame owner, Supplier<RfbClient> client, Supplier<String> address) {
        super(owner, "Connection info - vncstream", false);
        this.client = client;
        this.address = address;
        setName("connectionInfo");
        JPanel p = new JPanel(new MigLayout("wrap 2, insets dialog", "[right][grow,fill,380lp]"));
        row(p, "Server:", server);
        row(p, "Desktop name:", name);
        row(p, "Protocol:", protocol);
        row(p, "Security:", security);
        row(p, "Size:", size);
        row(p, "Pixel format:", format);
        row(p, "Encodings asked for:", requested);
        row(p, "Encodings in use:", inUse);
        row(p, "Received:", received);
        row(p, "Updates:", updates);
        row(p, "Sent:", sent);
        row(p, "Keyboard:", keys);
        JButton close = new JButton("Close");
        close.addActionListener(e -> setVisible(false));
        p.add(close, "span 2, right, gapy para");
        setContentPane(p);
        getRootPane().setDefaultButton(close);
        timer = new Timer(1000, e -> refresh());
        refresh();
        pack();
        setLocationRelativeTo(owner);
    }

    @Override
    public void setVisible(boolean b) {
        if (b) {
            lastBytes = -1;
            refresh();
            timer.start();
        } else {
            timer.stop();
        }
        super.setVisible(b);
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel("-");
        l.setName(name);
        return l;
    }

    private static void row(JPanel p, String label, JLabel value) {
        p.add(new JLabel(label));
        p.add(value);
    }

    void refresh() {
        RfbClient c = client.get();
        server.setText(address.get());
        if (c == null) {
            name.setText("(not connected)");
            return;
        }
        name.setText(c.serverInit().name());
        protocol.setText("RFB " + c.protocolVersion() + (c.isClosed() ? " (closed)" : ""));
        security.setText(c.security() == null ? "-" : c.security().summary()
                + (c.security().fingerprint() == null ? "" : ", certificate " + c.security().fingerprint()));
        size.setText(c.framebuffer().width() + " x " + c.framebuffer().height());
        format.setText(c.pixelFormat().toString());
        requested.setText(c.encodings().stream().filter(e -> e >= 0).map(Encodings::name).collect(Collectors.joining(", ")));
        Map<String, Long> used = new TreeMap<>();
        for (Map.Entry<Integer, LongAdder> e : c.rectsByEncoding().entrySet()) {
            long n = e.getValue().sum();
            if (n > 0) {
                used.put(Encodings.name(e.getKey()), n);
            }
        }
        inUse.setText(used.isEmpty() ? "(none yet)" : used.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " rects)").collect(Collectors.joining(", ")));
        long now = System.nanoTime();
        long bytes = c.bytesReceived();
        long ups = c.updatesReceived();
        String rate = "";
        String upRate = "";
        if (lastBytes >= 0 && now > lastTime) {
            double secs = (now - lastTime) / 1e9;
            rate = ", " + human((long) ((bytes - lastBytes) / secs)) + "/s";
            upRate = String.format(Locale.ROOT, ", %.1f/s", (ups - lastUpdates) / secs);
        }
        received.setText(human(bytes) + rate);
        updates.setText(ups + upRate);
        sent.setText(human(c.bytesSent()));
        keys.setText(c.supportsExtendedKeys() ? "QEMU extended key events (scancodes)" : "keysyms");
        lastBytes = bytes;
        lastUpdates = ups;
        lastTime = now;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
