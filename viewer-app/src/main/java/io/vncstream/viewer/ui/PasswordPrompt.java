package io.vncstream.viewer.ui;

import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.CredentialsSource;
import io.vncstream.rfb.security.PasswordSource;
import net.miginfocom.swing.MigLayout;

import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import java.awt.Component;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Asks for the server's password in a dialog when the server wants one, with a user-name field
 * above it when the server asks for both (Plain). The field never shows the characters, the
 * text is handed over as a char[] (which the handshake clears) and is neither logged nor stored.
 */
public final class PasswordPrompt implements PasswordSource, CredentialsSource {
    private final Supplier<Component> parent;

    public PasswordPrompt(Supplier<Component> parent) {
        this.parent = parent;
    }

    @Override
    public char[] password(String server) throws IOException {
        Credentials c = onEventThread(server, null, false);
        return c.password();
    }

    @Override
    public Credentials credentials(String server, String user) throws IOException {
        return onEventThread(server, user, true);
    }

    private Credentials onEventThread(String server, String user, boolean withUser) throws IOException {
        Credentials c = EventThreadQuestion.ask(() -> ask(parent.get(), server, user, withUser),
                "for the password");
        if (c == null) {
            throw new AuthenticationException(withUser ? "no user name and password entered" : "no password entered");
        }
        return c;
    }

    private static Credentials ask(Component parent, String server, String knownUser, boolean withUser) {
        JPasswordField field = new JPasswordField(22);
        field.setName("password");
        field.setEchoChar('\u2022');
        JTextField userField = new JTextField(knownUser == null ? "" : knownUser, 22);
        userField.setName("user");
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1", "[grow,fill]"));
        if (withUser) {
            panel.add(new JLabel("The server " + server + " asks for a user name and password."));
            panel.add(new JLabel("User name:"));
            panel.add(userField);
            panel.add(new JLabel("Password:"));
        } else {
            panel.add(new JLabel("The server " + server + " asks for a password."));
        }
        panel.add(field);
        boolean userFirst = withUser && userField.getText().isEmpty();
        JOptionPane pane = new JOptionPane(panel, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
            @Override
            public void selectInitialValue() {
                (userFirst ? userField : field).requestFocusInWindow();
            }
        };
        JDialog dialog = pane.createDialog(parent, "Password - vncstream");
        dialog.setName("passwordDialog");
        dialog.setIconImages(AppIcon.images());
        userField.addActionListener(e -> field.requestFocusInWindow());
        field.addActionListener(e -> {
            pane.setValue(JOptionPane.OK_OPTION);
            dialog.setVisible(false);
        });
        dialog.setVisible(true);
        dialog.dispose();
        Object v = pane.getValue();
        char[] pw = field.getPassword();
        field.setText("");
        if (v instanceof Integer i && i == JOptionPane.OK_OPTION && (!withUser || !userField.getText().isBlank())) {
            return new Credentials(withUser ? userField.getText().trim() : null, pw);
        }
        java.util.Arrays.fill(pw, '\0');
        return null;
    }
}
