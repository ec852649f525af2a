package io.vncstream.gateway.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.vncstream.gateway.log.LogText.quote;

/** The devices the gateway offers, and who wants to hear of them appearing and disappearing. */
public final class DeviceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    /** Told of hot-plug and unplug; called with the registry's lock held, so it sees a consistent order. */
    public interface Listener {
        void added(Device device);

        void removed(Device device);
    }

    private final Map<String, Device> devices = new LinkedHashMap<>();
    /** For lookups without the registry's lock (a capture starting while a device is being removed). */
    private final Map<String, Device> lookup = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Adds and starts a device; false if the name is taken. */
    public synchronized boolean add(Device device) {
        if (devices.containsKey(device.name())) {
            return false;
        }
        devices.put(device.name(), device);
        lookup.put(device.name(), device);
        device.start();
        LOG.info("device {} added ({})", quote(device.name()), device.backend().describe());
        for (Listener l : listeners) {
            l.added(device);
        }
        return true;
    }

    /** Removes a device: its captures end first, then listeners hear of the removal. */
    public synchronized boolean remove(String name) {
        Device d = devices.remove(name);
        lookup.remove(name);
        if (d == null) {
            return false;
        }
        d.remove("device removed");
        LOG.info("device {} removed", quote(name));
        for (Listener l : listeners) {
            l.removed(d);
        }
        return true;
    }

    public Device get(String name) {
        return lookup.get(name);
    }

    public synchronized List<Device> all() {
        return new ArrayList<>(devices.values());
    }

    /**
     * Registers a listener, first handing it the devices that exist, under the registry's lock:
     * no hot-plug can slip between the initial list and the first notification.
     */
    public synchronized void listen(Listener l, java.util.function.Consumer<List<Device>> initial) {
        initial.accept(new ArrayList<>(devices.values()));
        listeners.add(l);
    }

    public void unlisten(Listener l) {
        listeners.remove(l);
    }

    public synchronized void removeAll() {
        for (String name : new ArrayList<>(devices.keySet())) {
            remove(name);
        }
    }
}
