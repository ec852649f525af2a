package io.vncstream.viewer.ui;

import net.miginfocom.swing.MigLayout;

import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import java.awt.Color;

/** The strip above the screen that says the connection is gone, with a Reconnect button. */
final class DisconnectedBanner extends JPanel {
    private final JLabel text = new JLabel();

    DisconnectedBanner(Action reconnect) {
        super(new MigLayout("insets 6 10 6 10, fill", "[grow][]"));
        setName("disconnectedBanner");
        Color warning = UIManager.getColor("Component.warning.focusedBorderColor");
        setBackground(warning != null ? warning : new Color(0xf5c542));
        text.setName("disconnectedText");
        text.setForeground(Color.BLACK);
        add(text, "growx");
        JButton button = new JButton(reconnect);
        button.setName("banner.reconnect");
        button.setText("Reconnect now");
        button.setFocusable(false);
        add(button);
        setVisible(false);
    }

    void showProblem(String message) {
        text.setText(message);
        text.setToolTipText(message);
        setVisible(true);
    }

    void hideBanner() {
        setVisible(false);
    }

    String message() {
        return isVisible() ? text.getText() : "";
    }
}
