package io.vncstream.gateway.libvirt;

import static io.vncstream.gateway.log.LogText.quote;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's devices those of a libvirt domain: every device it may open by default
 * (not the guest agent's channel, which libvirt itself talks to; not a file or other stream
 * libvirt offers no stream of), added and removed as the domain's events tell.
 */
public final class LibvirtDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtDevices.class);

    private final LibvirtDeviceSource source;
    private final DeviceRegistry registry;
    private final int backlogBytes;
    private final DeviceSourceListener listener = new DeviceSourceListener() {
        @Override
        public void deviceAdded(DeviceInfo device) {
            add(device);
        }

        @Override
        public void deviceRemoved(String name) {
            registry.remove(name);
        }
    };

    public LibvirtDevices(LibvirtDeviceSource source, DeviceRegistry registry, int backlogBytes) {
        this.source = source;
        this.registry = registry;
        this.backlogBytes = backlogBytes;
    }

    public void start() {
        source.addListener(listener);
        for (DeviceInfo d : source.devices()) {
            add(d);
        }
    }

    private void add(DeviceInfo d) {
        if (!d.openByDefault()) {
            LOG.info("not offering {} ({}): it is not opened by default", quote(d.name()), quote(d.detail()));
            return;
        }
        // The registry starts it; a name already there (announced again after a restart) stays as it is.
        registry.add(new Device(d.name(), new SourceBackend(source, d.name()), backlogBytes));
    }

    @Override
    public void close() {
        source.removeListener(listener);
        source.close();
    }
}
