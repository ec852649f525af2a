package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.tls.HostNames;
import net.miginfocom.swing.MigLayout;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import java.awt.Color;
import java.net.InetAddress;

/**
 * The status bar's word on how the connection is protected: TLS version and cipher suite, and
 * whether the server was verified ("encrypted, server not verified" for anonymous TLS). An
 * unencrypted connection to another machine gets a warning anyone can see; to this machine
 * (loopback, a Unix socket) nobody on a network can read it, so it only says "unencrypted".
 */
final class SecurityIndicator extends JPanel {
    private final JLabel label = new JLabel(" ");
    private final JLabel warning = new JLabel("Unencrypted connection: anyone on the network can read it");

    SecurityIndicator() {
        super(new MigLayout("insets 0, gap 8, hidemode 3", "[][]"));
        setOpaque(false);
        label.setName("security");
        warning.setName("unencryptedWarning");
        Color red = UIManager.getColor("Component.error.focusedBorderColor");
        warning.setForeground(red != null ? red : new Color(0xc62828));
        warning.setVisible(false);
        add(warning);
        add(label);
    }

    void show(ConnectionSecurity security, ServerAddress address) {
        show(security, address, null);
    }

    /**
     * {@code via}: the SSH host the connection goes through, or null. SSH encrypts the way to it;
     * from there to the VNC server (the address as that host sees it) the warning still applies,
     * unless that is the SSH host itself.
     */
    void show(ConnectionSecurity security, ServerAddress address, String via) {
        if (security == null) {
            clear();
            return;
        }
        if (security.encrypted()) {
            label.setText("TLS: " + security.protocol() + ", " + security.cipherSuite() + ", "
                    + security.verification().text());
            label.setToolTipText(security.summary() + (security.fingerprint() == null ? ""
                    : " - certificate " + security.fingerprint()));
            warning.setVisible(false);
        } else {
            boolean tunnelled = via != null && !via.isBlank();
            label.setText(tunnelled ? "SSH tunnel through " + via.trim() : "Unencrypted");
            label.setToolTipText(tunnelled ? "VNC unencrypted inside an SSH tunnel: " + security.summary()
                    : security.summary());
            warning.setVisible(!isLocal(address));
        }
    }

    void clear() {
        label.setText(" ");
        label.setToolTipText(null);
        warning.setVisible(false);
    }

    String text() {
        return label.getText();
    }

    boolean warningShown() {
        return warning.isVisible();
    }

    /** Loopback or a Unix socket; a name is resolved (it was moments ago, to connect: the answer is cached). */
    static boolean isLocal(ServerAddress address) {
        if (address == null || address.isUnix()) {
            return true;
        }
        String host = address.host();
        try {
            InetAddress ip = HostNames.ipLiteral(host);
            return (ip != null ? ip : InetAddress.getByName(host)).isLoopbackAddress();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
