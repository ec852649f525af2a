package io.vncstream.viewer.ui;

import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.security.PasswordSource;
import net.miginfocom.swing.MigLayout;

import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Asks for the server's password in a dialog when the server wants one. The field never shows
 * the characters, the text is handed over as a char[] (which the handshake clears) and is
 * neither logged nor stored.
 */
public final class PasswordPrompt implements PasswordSource {
    private final Supplier<Component> parent;

    public PasswordPrompt(Supplier<Component> parent) {
        this.parent = parent;
    }

    @Override
    public char[] password(String server) throws IOException {
        AtomicReference<char[]> result = new AtomicReference<>();
        Runnable ask = () -> result.set(ask(parent.get(), server));
        if (SwingUtilities.isEventDispatchThread()) {
            ask.run();
        } else {
            try {
                SwingUtilities.invokeAndWait(ask);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthenticationException("interrupted while asking for the password");
            } catch (InvocationTargetException e) {
                throw new IOException("could not ask for the password: " + e.getCause(), e.getCause());
            }
        }
        char[] pw = result.get();
        if (pw == null) {
            throw new AuthenticationException("no password entered");
        }
        return pw;
    }

    private static char[] ask(Component parent, String server) {
        JPasswordField field = new JPasswordField(22);
        field.setName("password");
        field.setEchoChar('\u2022');
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1", "[grow,fill]"));
        panel.add(new JLabel("The server " + server + " asks for a password."));
        panel.add(field);
        JOptionPane pane = new JOptionPane(panel, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
            @Override
            public void selectInitialValue() {
                field.requestFocusInWindow();
            }
        };
        JDialog dialog = pane.createDialog(parent, "Password - vncstream");
        dialog.setName("passwordDialog");
        dialog.setIconImages(AppIcon.images());
        field.addActionListener(e -> {
            pane.setValue(JOptionPane.OK_OPTION);
            dialog.setVisible(false);
        });
        dialog.setVisible(true);
        dialog.dispose();
        Object v = pane.getValue();
        char[] pw = field.getPassword();
        field.setText("");
        if (v instanceof Integer i && i == JOptionPane.OK_OPTION) {
            return pw;
        }
        java.util.Arrays.fill(pw, '\0');
        return null;
    }
}
