package io.vncstream.viewer.ui;

import io.vncstream.rfb.security.tls.CertificateDetails;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import net.miginfocom.swing.MigLayout;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Asks whether to trust a server certificate that no CA vouches for and that was not accepted
 * before, as ssh asks about a new host key: subject, issuer, validity, names and the SHA-256
 * fingerprint (selectable, to compare with what the server's owner says), then accept once,
 * accept always (kept for the next connection) or cancel, the default.
 */
public final class CertificateDialog implements CertificatePrompt {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    private final Supplier<Component> parent;

    public CertificateDialog(Supplier<Component> parent) {
        this.parent = parent;
    }

    @Override
    public Decision decide(CertificateDetails certificate) throws IOException {
        Decision d = EventThreadQuestion.ask(() -> ask(parent.get(), certificate), "about the certificate");
        return d == null ? Decision.CANCEL : d;
    }

    private static Decision ask(Component parent, CertificateDetails c) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        if (parent instanceof Window w) {
            owner = w;
        }
        JDialog dialog = new JDialog(owner, "Unknown certificate - vncstream", Dialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("certificateDialog");
        dialog.setIconImages(AppIcon.images());
        AtomicReference<Decision> decision = new AtomicReference<>(Decision.CANCEL);

        JPanel p = new JPanel(new MigLayout("wrap 2, insets dialog", "[right][grow,fill,360lp]"));
        JLabel headline = new JLabel("The certificate of " + c.server() + " is not trusted: " + c.problem() + ".");
        headline.setName("certificateProblem");
        headline.putClientProperty("FlatLaf.styleClass", "h4");
        p.add(headline, "span 2, left");
        p.add(new JLabel("<html>Check the fingerprint with the server's owner before accepting it: anyone"
                + " between you and the server could show you their own certificate.</html>"), "span 2, left, wmax 520lp, gapbottom para");
        field(p, "Subject:", "certificateSubject", c.subject());
        field(p, "Issuer:", "certificateIssuer", c.issuer());
        field(p, "Valid:", "certificateValidity", WHEN.format(c.notBefore()) + " to " + WHEN.format(c.notAfter()));
        if (!c.names().isEmpty()) {
            field(p, "Names:", "certificateNames", String.join(", ", c.names()));
        }
        field(p, "SHA-256 fingerprint:", "certificateFingerprint", c.fingerprint());

        JButton once = button("Accept once", "acceptOnce", () -> decision.set(Decision.ACCEPT_ONCE), dialog);
        JButton always = button("Accept always", "acceptAlways", () -> decision.set(Decision.ACCEPT_ALWAYS), dialog);
        JButton cancel = button("Cancel", "cancelCertificate", () -> decision.set(Decision.CANCEL), dialog);
        p.add(cancel, "span 2, split 3, right, gaptop para, tag cancel");
        p.add(once, "tag other");
        p.add(always, "tag ok");
        dialog.setContentPane(p);
        dialog.getRootPane().setDefaultButton(cancel);
        dialog.getRootPane().registerKeyboardAction(e -> dialog.setVisible(false),
                KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), JComponent.WHEN_IN_FOCUSED_WINDOW);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
        cancel.requestFocusInWindow();
        dialog.setVisible(true);
        dialog.dispose();
        return decision.get();
    }

    /** A read-only field: certificate text is the server's, shown as text, never as HTML. */
    private static void field(JPanel p, String label, String name, String value) {
        JTextField text = new JTextField(value);
        text.setName(name);
        text.setEditable(false);
        text.setBorder(null);
        text.setBackground(UIManager.getColor("Panel.background"));
        text.setCaretPosition(0);
        p.add(new JLabel(label));
        p.add(text);
    }

    private static JButton button(String text, String name, Runnable choose, JDialog dialog) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> {
            choose.run();
            dialog.setVisible(false);
        });
        return b;
    }
}
