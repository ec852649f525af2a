package io.vncstream.viewer.cli;

import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.ssh.SshPrompts;
import io.vncstream.viewer.connect.LibvirtTarget;

import java.io.IOException;

/** The devices of a libvirt domain, for {@code devices} and {@code console} with {@code --connect}. */
final class LibvirtSession implements DeviceSession {
    private final LibvirtTarget target;
    private final LibvirtDeviceSource devices;

    private LibvirtSession(LibvirtTarget target, LibvirtDeviceSource devices) {
        this.target = target;
        this.devices = devices;
    }

    /**
     * With {@code follow}, the list stays live from the domain's events and a lost SSH connection
     * is made again (a console then comes back below a gap line); {@code force} takes busy pty consoles.
     */
    static LibvirtSession open(String uri, String domain, boolean follow, boolean force) throws IOException, InterruptedException {
        LibvirtTarget t = LibvirtTarget.open(uri, domain, SshPrompts.terminal(), follow);
        try {
            return new LibvirtSession(t, LibvirtDeviceSource.open(t.libvirt(), t.domain(), follow, force));
        } catch (IOException | InterruptedException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    @Override
    public DeviceSource devices() {
        return devices;
    }

    @Override
    public void close() {
        devices.close();
        target.close();
    }
}
