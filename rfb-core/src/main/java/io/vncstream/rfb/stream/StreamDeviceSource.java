package io.vncstream.rfb.stream;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.DeviceSourceListener;
import io.vncstream.rfb.devices.OutputListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stream extension as a {@link DeviceSource}: the devices one connection's server
 * announces, captured over that connection. A device has only its name.
 */
public final class StreamDeviceSource implements DeviceSource {
    private final StreamClient streams;
    private final Map<DeviceSourceListener, DeviceListener> listeners = new ConcurrentHashMap<>();

    public StreamDeviceSource(StreamClient streams) {
        this.streams = streams;
    }

    public StreamClient streams() {
        return streams;
    }

    @Override
    public List<DeviceInfo> devices() {
        return streams.devices().stream().map(DeviceInfo::named).toList();
    }

    @Override
    public void addListener(DeviceSourceListener listener) {
        DeviceListener l = new DeviceListener() {
            @Override
            public void deviceAdded(String name) {
                listener.deviceAdded(DeviceInfo.named(name));
            }

            @Override
            public void deviceRemoved(String name) {
                listener.deviceRemoved(name);
            }
        };
        if (listeners.putIfAbsent(listener, l) == null) {
            streams.addDeviceListener(l);
        }
    }

    @Override
    public void removeListener(DeviceSourceListener listener) {
        DeviceListener l = listeners.remove(listener);
        if (l != null) {
            streams.removeDeviceListener(l);
        }
    }

    @Override
    public CompletableFuture<DeviceCapture> capture(String name, OutputListener output) {
        CaptureListener listener = output instanceof CaptureListener c ? c : new CaptureListener() {
            @Override
            public void output(byte[] data) {
                output.output(data);
            }

            @Override
            public void replayed(byte[] data) {
                output.replayed(data);
            }

            @Override
            public void ended(String reason) {
                output.ended(reason);
            }
        };
        return streams.capture(name, listener).thenApply(c -> c);
    }
}
