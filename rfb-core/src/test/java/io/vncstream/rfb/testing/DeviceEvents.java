package io.vncstream.rfb.testing;

import io.vncstream.rfb.stream.DeviceListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a {@link DeviceListener} hears, in order: "+name" for an addition, "-name" for a removal. */
public final class DeviceEvents implements DeviceListener {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void deviceAdded(String name) {
        events.add("+" + name);
    }

    @Override
    public void deviceRemoved(String name) {
        events.add("-" + name);
    }

    /** A snapshot: the listener is called on the connection's reader thread while the test reads. */
    public List<String> list() {
        return List.copyOf(events);
    }
}
