package io.vncstream.viewer.ui;

import net.miginfocom.swing.MigLayout;

import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import java.awt.Color;

/**
 * The strip above the screen that says the connection is gone, with a Reconnect button. A long
 * message wraps onto more lines: the strip is never wider than the window (a label would ask for
 * the whole message's width, pushing the button and the screen beside it out of the window).
 */
final class DisconnectedBanner extends JPanel {
    private final JTextArea text = new JTextArea();

    DisconnectedBanner(Action reconnect) {
        super(new MigLayout("insets 6 10 6 10, fill", "[grow, fill][]", "[center]"));
        setName("disconnectedBanner");
        Color warning = UIManager.getColor("Component.warning.focusedBorderColor");
        setBackground(warning != null ? warning : new Color(0xf5c542));
        text.setName("disconnectedText");
        text.setForeground(Color.BLACK);
        text.setOpaque(false);
        text.setEditable(false);
        text.setFocusable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setBorder(null);
        text.setFont(UIManager.getFont("Label.font"));
        // wmin 0: the text takes the width left of the button and wraps in it, whatever it says.
        add(text, "growx, wmin 0, w 10:10:n");
        JButton button = new JButton(reconnect);
        button.setName("banner.reconnect");
        button.setText("Reconnect now");
        button.setFocusable(false);
        add(button, "top");
        setVisible(false);
    }

    void showProblem(String message) {
        text.setText(message);
        text.setToolTipText(message);
        setVisible(true);
        revalidate();
    }

    void hideBanner() {
        setVisible(false);
    }

    String message() {
        return isVisible() ? text.getText() : "";
    }

    JTextArea textArea() {
        return text;
    }
}
