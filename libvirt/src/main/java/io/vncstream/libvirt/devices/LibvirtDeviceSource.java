package io.vncstream.libvirt.devices;

import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.DomainState;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtException;
import io.vncstream.libvirt.console.PtyConsole;
import io.vncstream.libvirt.console.SocketConsole;
import io.vncstream.libvirt.events.DomainEvent;
import io.vncstream.libvirt.events.DomainEventListener;
import io.vncstream.libvirt.events.EventFollower;
import io.vncstream.libvirt.xml.DomainDevice;
import io.vncstream.libvirt.xml.DomainXml;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.DeviceSourceListener;
import io.vncstream.rfb.devices.EndReasons;
import io.vncstream.rfb.devices.OutputListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A domain's serials, consoles, parallels and channels, listed while it runs. Each event
 * {@code virsh event} tells of (a device added or removed, a lifecycle change, a reboot) makes
 * one worker thread read the live XML again and tell listeners what changed: a domain that
 * stops lists nothing (its captures end as removed), one that starts lists its devices again,
 * and a reboot restarts the open captures ({@link EndReasons#RESTARTED}) so that each continues
 * below a gap marker.
 */
public final class LibvirtDeviceSource implements DeviceSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtDeviceSource.class);

    private final Libvirt libvirt;
    private final Domain domain;
    private final boolean force;
    private final List<DeviceSourceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<DomainStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final OpenCaptures captures = new OpenCaptures();
    /** Devices another program owns (the guest agent's channel) that the user asked to open all the same. */
    private final java.util.Set<String> allowedOwned = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker;
    private final ExecutorService opener;
    private volatile Map<String, DomainDevice> devices = Map.of();
    private volatile DomainState state = DomainState.UNKNOWN;
    /** The live XML of the last read, or null when the domain was not running then. */
    private volatile DomainXml xml;
    private volatile EventFollower events;
    private volatile boolean closed;

    private LibvirtDeviceSource(Libvirt libvirt, Domain domain, boolean force) {
        this.libvirt = libvirt;
        this.domain = domain;
        this.force = force;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "libvirt " + domain.name()));
        this.opener = Executors.newCachedThreadPool(r -> daemon(r, "libvirt open " + domain.name()));
    }

    /**
     * Reads the domain's devices and, with {@code follow}, keeps them live from its events.
     * With {@code force}, pty consoles are taken from another client holding them, and the guest
     * agent's channel opens like any other.
     */
    public static LibvirtDeviceSource open(Libvirt libvirt, Domain domain, boolean follow, boolean force)
            throws IOException, InterruptedException {
        LibvirtDeviceSource s = new LibvirtDeviceSource(libvirt, domain, force);
        try {
            if (follow) {
                s.events = EventFollower.follow(libvirt.virsh(), domain.uuid(), domain.name(), s.new Events(), s::resumed);
            }
            s.read();
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public Domain domain() {
        return domain;
    }

    public Libvirt libvirt() {
        return libvirt;
    }

    public DomainState state() {
        return state;
    }

    /**
     * The live XML as last read (at the start, or after an event that may have changed the
     * devices), or null when the domain was not running then: so that a screen connection made
     * right after {@link #open} need not ask for it again.
     */
    public DomainXml xml() {
        return xml;
    }

    public void addStateListener(DomainStateListener l) {
        stateListeners.add(l);
    }

    public void removeStateListener(DomainStateListener l) {
        stateListeners.remove(l);
    }

    /**
     * The user agreed to open {@code name} although libvirt talks to the guest agent over it:
     * its captures (also after a reboot) are no longer refused.
     */
    public void allowOwned(String name) {
        allowedOwned.add(name);
    }

    @Override
    public List<DeviceInfo> devices() {
        return devices.values().stream().map(DomainDevice::info).toList();
    }

    /** The domain's devices with everything the XML says of them. */
    public List<DomainDevice> domainDevices() {
        return List.copyOf(devices.values());
    }

    @Override
    public void addListener(DeviceSourceListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DeviceSourceListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletableFuture<DeviceCapture> capture(String name, OutputListener output) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return openNow(name, output);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new IOException("interrupted while opening " + name));
            }
        }, opener);
    }

    private DeviceCapture openNow(String name, OutputListener output) throws IOException, InterruptedException {
        DomainDevice d = devices.get(name);
        if (d == null) {
            throw new LibvirtException(state.isActive()
                    ? "domain '" + domain.name() + "' has no device '" + name + "' (devices: " + String.join(", ", devices.keySet()) + ")"
                    : "domain '" + domain.name() + "' is " + state.words() + ": its devices come back when it runs");
        }
        if (!d.isOpenable()) {
            throw new LibvirtException(name + " is a '" + d.type() + "' device"
                    + (d.sourcePath() != null ? " (" + d.sourcePath() + ")" : "") + ": libvirt offers no stream of it");
        }
        if (d.isGuestAgent() && !force && !allowedOwned.contains(name)) {
            throw new LibvirtException(name + " is the guest agent's channel (" + DomainDevice.GUEST_AGENT
                    + "): libvirt talks to qemu-guest-agent over it, and opening it may disturb them;"
                    + " open it anyway with vncstream console --force");
        }
        return captures.open(name, output, tracked -> {
            if (d.type().equals("pty")) {
                PtyConsole p = PtyConsole.open(libvirt.virsh(), domain.uuid(), name, force, tracked);
                return OpenCaptures.wrap(p, p::close);
            }
            SocketConsole s = SocketConsole.open(libvirt.virsh().host(), d, tracked);
            return OpenCaptures.wrap(s, s::close);
        });
    }

    /** Reads the state and the devices again and tells what changed (worker thread, or at the start). */
    private void read() throws IOException, InterruptedException {
        DomainState now = libvirt.state(domain);
        Map<String, DomainDevice> next = new LinkedHashMap<>();
        DomainXml live = null;
        if (now.isActive()) {
            live = libvirt.xml(domain);
            for (DomainDevice d : live.devices()) {
                next.put(d.alias(), d);
            }
        }
        xml = live;
        Map<String, DomainDevice> before = devices;
        devices = next;
        for (String gone : before.keySet()) {
            if (!next.containsKey(gone) || changed(before.get(gone), next.get(gone))) {
                captures.end(gone, EndReasons.DEVICE_REMOVED + (now.isActive() ? "" : ": domain " + now.words()));
                listeners.forEach(l -> l.deviceRemoved(gone));
            }
        }
        for (DomainDevice d : next.values()) {
            DomainDevice old = before.get(d.alias());
            if (old == null || changed(old, d)) {
                listeners.forEach(l -> l.deviceAdded(d.info()));
            }
        }
        if (now != state) {
            state = now;
            stateListeners.forEach(l -> l.stateChanged(now));
        }
    }

    /** The same alias on another pty or socket is another device (the domain was restarted meanwhile). */
    private static boolean changed(DomainDevice a, DomainDevice b) {
        return !java.util.Objects.equals(a.type(), b.type()) || !java.util.Objects.equals(a.sourcePath(), b.sourcePath());
    }

    /** A reboot: QEMU stays, its devices too; each open capture starts again, below a gap marker. */
    private void restartCaptures() {
        List<String> open = captures.names();
        for (String name : open) {
            captures.end(name, EndReasons.RESTARTED + ": domain rebooted");
        }
        for (String name : open) {
            DomainDevice d = devices.get(name);
            if (d != null) {
                listeners.forEach(l -> l.deviceAdded(d.info()));
            }
        }
    }

    /**
     * A read right after a lifecycle change can fail while libvirt holds the domain's state lock
     * (starting, stopping): it is tried again a few times, a second apart, before giving up.
     */
    private void readRetrying(DomainEvent e) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                read();
                if (e.isLifecycle() || e.isDeviceChange() || e.isReboot()) {
                    LOG.info("{}: {} after {} {}: {} devices", domain.name(), state.words(), e.type(), e.detail(), devices.size());
                }
                return;
            } catch (IOException ex) {
                if (attempt == 3 || closed) {
                    LOG.warn("{}: could not read the domain after {} {}: {}", domain.name(), e.type(), e.detail(), ex.getMessage());
                    return;
                }
                Thread.sleep(1000);
            }
        }
    }

    private final class Events implements DomainEventListener {
        @Override
        public void event(DomainEvent e) {
            LOG.debug("domain event {}", e);
            if (!e.mayChangeDevices()) {
                return;
            }
            worker.execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    readRetrying(e);
                    if (e.isReboot()) {
                        restartCaptures();
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /**
     * Events are followed again after a gap (libvirtd or the SSH connection was away): what
     * changed meanwhile, and every device still listed that has no capture now is announced
     * again, since the captures the gap ended (a pty console's virsh ran on the lost connection)
     * can now be made again: listeners take the announcement of a listed device as that.
     */
    private void resumed() {
        worker.execute(() -> {
            if (closed) {
                return;
            }
            try {
                Map<String, DomainDevice> before = devices;
                readRetrying(new DomainEvent("lifecycle", domain.name(), "(events followed again)"));
                for (DomainDevice d : devices.values()) {
                    DomainDevice old = before.get(d.alias());
                    if (old != null && !changed(old, d) && !captures.contains(d.alias())) {
                        listeners.forEach(l -> l.deviceAdded(d.info()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops following the domain and ends every capture. */
    @Override
    public void close() {
        closed = true;
        EventFollower e = events;
        if (e != null) {
            e.close();
        }
        captures.closeAll("closed");
        worker.shutdown();
        opener.shutdown();
    }
}
