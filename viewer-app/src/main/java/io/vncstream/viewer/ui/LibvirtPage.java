package io.vncstream.viewer.ui;

import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import net.miginfocom.swing.MigLayout;

import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;

/**
 * The connection window's libvirt page, as virt-manager's list: a URI (remembered), its domains
 * with their state (Refresh asks again), and a double-click or Open shows one in a viewer window.
 */
final class LibvirtPage extends JPanel {
    private final ViewerApp app;
    private final Runnable opened;
    final JTextField uri = new JTextField();
    final DefaultListModel<Domain> model = new DefaultListModel<>();
    final JList<Domain> domains = new JList<>(model);
    final JButton refresh = new JButton("Refresh");
    final JButton open = new JButton("Open");
    final JLabel message = new JLabel(" ");

    LibvirtPage(ViewerApp app, Runnable opened) {
        super(new MigLayout("wrap 2, insets dialog", "[right][grow,fill,300lp]", "[][][grow,fill][][]"));
        this.app = app;
        this.opened = opened;
        setName("libvirtPage");
        JLabel title = new JLabel("Open a libvirt virtual machine");
        title.putClientProperty("FlatLaf.styleClass", "h3");
        add(title, "span 2, left, gapbottom para");
        uri.setName("libvirtUri");
        uri.setText(app.libvirtUri());
        uri.setToolTipText("qemu:///system, qemu:///session, qemu+ssh://[USER@]HOST[:PORT]/system");
        uri.addActionListener(e -> refresh());
        add(new JLabel("URI:"));
        add(uri);
        domains.setName("libvirtDomains");
        domains.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        domains.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object v, int i, boolean sel, boolean focus) {
                super.getListCellRendererComponent(l, v, i, sel, focus);
                Domain d = (Domain) v;
                setText(d.name() + "  (" + d.state().words() + ")");
                return this;
            }
        });
        domains.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = domains.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2 && i >= 0 && domains.getCellBounds(i, i).contains(e.getPoint())) {
                    openDomain(model.get(i));
                }
            }
        });
        add(new JLabel("Domains:"), "top");
        add(new JScrollPane(domains), "hmin 120lp");
        message.setName("libvirtMessage");
        add(message, "span 2, growx, wmin 10");
        refresh.setName("libvirtRefresh");
        refresh.addActionListener(e -> refresh());
        open.setName("libvirtOpen");
        open.addActionListener(e -> {
            Domain d = domains.getSelectedValue();
            if (d != null) {
                openDomain(d);
            }
        });
        add(refresh, "span 2, split 2, right, gaptop para");
        add(open);
    }

    /** Lists the URI's domains (off the event thread). */
    void refresh() {
        String u = uri.getText().strip();
        refresh.setEnabled(false);
        message.setText("Asking libvirt at " + u + "...");
        new SwingWorker<List<Domain>, Void>() {
            @Override
            protected List<Domain> doInBackground() throws Exception {
                try (Libvirt l = Libvirt.open(LibvirtUri.parse(u),
                        io.vncstream.ssh.SshOptions.forUser().prompts(new SshDialogs(() -> LibvirtPage.this)))) {
                    return l.domains();
                }
            }

            @Override
            protected void done() {
                refresh.setEnabled(true);
                try {
                    List<Domain> list = get();
                    model.clear();
                    list.forEach(model::addElement);
                    message.setText(list.isEmpty() ? "No domains on " + u : list.size() + " domains on " + u);
                    app.rememberLibvirtUri(u);
                } catch (Exception e) {
                    Throwable t = e.getCause() != null ? e.getCause() : e;
                    model.clear();
                    message.setText(t.getMessage());
                }
            }
        }.execute();
    }

    private void openDomain(Domain d) {
        String u = uri.getText().strip();
        app.rememberLibvirtUri(u);
        app.connectToDomain(u, d.name());
        opened.run();
    }

    /** For a test: the names listed, with their state. */
    List<String> listed() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            out.add(model.get(i).name() + " " + model.get(i).state().words());
        }
        return out;
    }

}
