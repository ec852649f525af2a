package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import net.miginfocom.swing.MigLayout;

import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The bar at the bottom of a viewer window: one line of what is happening (connected, lost,
 * view only...), its full text in the tooltip since a long one is cut at the window's edge, and
 * on the right how the connection is protected.
 */
final class StatusLine extends JPanel {
    private final JLabel status = new JLabel(" ");
    private final SecurityIndicator security = new SecurityIndicator();

    StatusLine() {
        super(new MigLayout("insets 2 8 2 8, fill", "[grow]"));
        status.setName("status");
        add(status, "growx");
        add(security, "right");
    }

    /** Event dispatch thread. */
    void show(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    String text() {
        return status.getText();
    }

    /** {@code via}: the SSH host the connection goes through, or null. */
    void showSecurity(ConnectionSecurity connection, ServerAddress address, String via) {
        security.show(connection, address, via);
    }

    String securityText() {
        return security.text();
    }

    boolean unencryptedWarningShown() {
        return security.warningShown();
    }
}
