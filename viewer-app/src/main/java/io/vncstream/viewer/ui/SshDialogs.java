package io.vncstream.viewer.ui;

import io.vncstream.ssh.HostKeyInfo;
import io.vncstream.ssh.SshPrompts;
import net.miginfocom.swing.MigLayout;

import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import java.awt.Component;
import java.awt.Font;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The SSH connection's questions as dialogs: an unknown host key (with its fingerprint, to
 * compare with {@code ssh-keygen -l} on the host), a key's passphrase, a password. Called from
 * the connecting thread; each dialog runs on the event dispatch thread while it waits.
 */
final class SshDialogs implements SshPrompts {
    private final Supplier<Component> parent;

    SshDialogs(Supplier<Component> parent) {
        this.parent = parent;
    }

    @Override
    public boolean trustUnknownHostKey(HostKeyInfo key) {
        Boolean yes = onEdt(() -> {
            JPanel p = new JPanel(new MigLayout("insets 0, wrap 1", "[grow,fill]"));
            p.add(new JLabel("The authenticity of the SSH host " + key.knownHostsName() + " can't be established."));
            p.add(new JLabel(key.type() + " key fingerprint:"));
            JTextField fp = new JTextField(key.fingerprint());
            fp.setName("fingerprint");
            fp.setEditable(false);
            fp.setFont(new Font(Font.MONOSPACED, Font.PLAIN, fp.getFont().getSize()));
            p.add(fp);
            p.add(new JLabel("Connect, and add the key to " + key.knownHosts() + "?"));
            Object[] options = {"Connect", "Cancel"};
            JOptionPane pane = new JOptionPane(p, JOptionPane.WARNING_MESSAGE, JOptionPane.YES_NO_OPTION, null,
                    options, options[1]);
            JDialog dialog = pane.createDialog(parent.get(), "Unknown SSH host key - vncstream");
            dialog.setName("sshHostKeyDialog");
            dialog.setIconImages(AppIcon.images());
            dialog.setVisible(true);
            dialog.dispose();
            return options[0].equals(pane.getValue());
        });
        return Boolean.TRUE.equals(yes);
    }

    @Override
    public char[] passphrase(String keyFile) {
        return onEdt(() -> secret("The SSH key " + keyFile + " is protected by a passphrase.", "Passphrase",
                "sshPassphraseDialog"));
    }

    @Override
    public char[] password(String userAtHost) {
        return onEdt(() -> secret("The SSH host asks for the password of " + userAtHost + ".", "SSH password",
                "sshPasswordDialog"));
    }

    private char[] secret(String text, String title, String name) {
        JPasswordField field = new JPasswordField(22);
        field.setName("secret");
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1", "[grow,fill]"));
        panel.add(new JLabel(text));
        panel.add(field);
        JOptionPane pane = new JOptionPane(panel, JOptionPane.QUESTION_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
            @Override
            public void selectInitialValue() {
                field.requestFocusInWindow();
            }
        };
        JDialog dialog = pane.createDialog(parent.get(), title + " - vncstream");
        dialog.setName(name);
        dialog.setIconImages(AppIcon.images());
        field.addActionListener(e -> {
            pane.setValue(JOptionPane.OK_OPTION);
            dialog.setVisible(false);
        });
        dialog.setVisible(true);
        dialog.dispose();
        char[] s = field.getPassword();
        field.setText("");
        if (pane.getValue() instanceof Integer i && i == JOptionPane.OK_OPTION) {
            return s;
        }
        Arrays.fill(s, '\0');
        return null;
    }

    private interface Dialog<T> {
        T show();
    }

    /** Runs a dialog on the event dispatch thread and waits; null when it could not be shown. */
    private static <T> T onEdt(Dialog<T> d) {
        try {
            return EventThreadQuestion.ask(d::show, "about the SSH connection");
        } catch (IOException e) {
            return null; // to SSH, no answer: the login or host key is refused, with its own message
        }
    }
}
