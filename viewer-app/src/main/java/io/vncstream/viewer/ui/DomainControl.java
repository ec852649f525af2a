package io.vncstream.viewer.ui;

import io.vncstream.libvirt.DomainAction;
import io.vncstream.libvirt.DomainState;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.connect.LibvirtTarget;

import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * A viewer window's libvirt domain: where its screen is each time it connects, its devices (one
 * {@link LibvirtDeviceSource} for the window's life, live from the domain's events), its state
 * in the title, and the Domain menu (pause/resume, reboot, reset, shut down, force off, start).
 * When the domain runs again after stopping, the screen reconnects at once.
 */
final class DomainControl implements AutoCloseable {
    private final LibvirtTarget target;
    private final LibvirtDeviceSource devices;
    private final Map<DomainAction, JMenuItem> items = new EnumMap<>(DomainAction.class);
    private ViewerWindow window;
    private volatile DomainState state;
    private volatile io.vncstream.libvirt.xml.DomainXml firstXml;

    DomainControl(LibvirtTarget target, LibvirtDeviceSource devices) {
        this.target = target;
        this.devices = devices;
        this.state = devices.state();
        this.firstXml = devices.xml();
    }

    /** Blocking: connects to libvirt, finds the domain and follows it. */
    static DomainControl open(String uri, String domain, io.vncstream.ssh.SshPrompts prompts) throws IOException, InterruptedException {
        LibvirtTarget t = LibvirtTarget.open(uri, domain, prompts, true);
        try {
            return new DomainControl(t, LibvirtDeviceSource.open(t.libvirt(), t.domain(), true, false));
        } catch (IOException | InterruptedException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    LibvirtDeviceSource devices() {
        return devices;
    }

    DomainState state() {
        return state;
    }

    String name() {
        return target.domain().name();
    }

    String describe() {
        return target.describe();
    }

    /** Joins the window (event thread): its device list and tabs follow the domain from now on. */
    void attach(ViewerWindow w) {
        window = w;
        w.devicePanel().connected(devices);
        w.consoles().connected(devices);
        devices.addStateListener(s -> SwingUtilities.invokeLater(() -> stateChanged(s)));
        w.getJMenuBar().add(menu());
        w.getJMenuBar().revalidate(); // the window may be showing already
        update();
    }

    /** The window's connection attempt: the screen where the live XML says it is now (blocking). */
    RfbClient connect(ConnectionSettings settings, PasswordSource password, RfbClientHandler handler)
            throws IOException, InterruptedException {
        // The first time, the XML the device list was read from a moment ago: one virsh call less
        // on the way to the first frame. Later (a reconnect, a restart) the screen may have moved.
        io.vncstream.libvirt.xml.DomainXml opened = firstXml;
        firstXml = null;
        if (opened != null) {
            return target.connect(opened, settings.toClientConfig(), password, handler);
        }
        return target.connect(settings.toClientConfig(), password, handler);
    }

    private void stateChanged(DomainState s) {
        DomainState before = state;
        state = s;
        update();
        if (window == null) {
            return;
        }
        window.showStatus("Domain " + name() + " is " + s.words());
        if (s.isActive() && !before.isActive() && !window.keeper().isConnected()) {
            window.keeper().reconnectNow();
        }
    }

    /**
     * Before a device another program owns (the guest agent's channel) is opened for the first
     * time, the user is asked; yes lets the device source open it from now on. Event thread.
     */
    boolean confirmOpen(io.vncstream.rfb.devices.DeviceInfo d) {
        if (d == null || d.openByDefault()) {
            return true;
        }
        if (!OwnedDeviceDialog.confirm(window, d)) {
            return false;
        }
        devices.allowOwned(d.name());
        return true;
    }

    /** Title and menu follow the state. */
    void update() {
        if (window == null) {
            return;
        }
        window.setDomainState(state.words());
        boolean active = state.isActive();
        enable(DomainAction.START, !active);
        enable(DomainAction.PAUSE, state == DomainState.RUNNING);
        enable(DomainAction.RESUME, state == DomainState.PAUSED);
        enable(DomainAction.REBOOT, active);
        enable(DomainAction.RESET, active);
        enable(DomainAction.SHUTDOWN, active);
        enable(DomainAction.FORCE_OFF, active);
    }

    private void enable(DomainAction a, boolean on) {
        JMenuItem i = items.get(a);
        if (i != null) {
            i.setEnabled(on);
        }
    }

    private JMenu menu() {
        JMenu m = new JMenu("Domain");
        m.setName("domainMenu");
        for (DomainAction a : new DomainAction[] {DomainAction.START, DomainAction.PAUSE, DomainAction.RESUME, null,
                DomainAction.REBOOT, DomainAction.SHUTDOWN, null, DomainAction.RESET, DomainAction.FORCE_OFF}) {
            if (a == null) {
                m.addSeparator();
                continue;
            }
            JMenuItem i = new JMenuItem(a.label() + (a.isForced() ? "..." : ""));
            i.setName("domain." + a.name().toLowerCase(java.util.Locale.ROOT));
            i.addActionListener(e -> perform(a));
            items.put(a, i);
            m.add(i);
        }
        return m;
    }

    /** Runs an action, after a confirmation for those that may lose the guest's work. */
    void perform(DomainAction a) {
        if (a.isForced() && JOptionPane.showConfirmDialog(window,
                a.label() + " " + name() + "? The guest is not asked: unsaved work in it is lost.",
                a.label(), JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        window.showStatus(a.label() + ": " + name() + "...");
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() throws Exception {
                target.libvirt().act(target.domain(), a);
                return null;
            }

            @Override
            protected void done() {
                try {
                    get();
                    window.showStatus(a.label() + ": done");
                } catch (Exception e) {
                    Throwable t = e.getCause() != null ? e.getCause() : e;
                    window.showStatus(a.label() + " failed: " + t.getMessage());
                }
            }
        }.execute();
    }

    @Override
    public void close() {
        devices.close();
        target.close();
    }
}
