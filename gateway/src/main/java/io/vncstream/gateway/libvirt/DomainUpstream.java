package io.vncstream.gateway.libvirt;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.libvirt.host.SshCommandHost;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.ssh.SshOptions;

import java.io.IOException;

/**
 * {@code --libvirt URI --domain D}: the domain found on its libvirt (this machine, or a
 * {@code qemu+ssh://} host over one SSH connection), its screen as the upstream and its devices
 * in the registry, kept live from its events. SSH here never asks anyone (the gateway is a
 * daemon): an unknown host key is refused naming its fingerprint and known_hosts, a key with a
 * passphrase is skipped unless an agent holds it; a connection lost later is made again, and the
 * consoles and the screen come back with it.
 */
public final class DomainUpstream implements AutoCloseable {
    private final Libvirt libvirt;
    private final LibvirtDesktop desktop;
    private final LibvirtDevices devices;

    private DomainUpstream(Libvirt libvirt, LibvirtDesktop desktop, LibvirtDevices devices) {
        this.libvirt = libvirt;
        this.desktop = desktop;
        this.devices = devices;
    }

    /**
     * Connects, finds the domain and checks that it shows a VNC screen now (said before the
     * gateway listens), then starts offering its devices in {@code registry}.
     */
    public static DomainUpstream open(String uri, String domain, SshOptions ssh, PasswordSource password, TlsOptions tls,
                                      boolean admitWhenDown, DeviceRegistry registry, int backlogBytes)
            throws IOException, InterruptedException {
        LibvirtUri u = LibvirtUri.parse(uri);
        Libvirt l = u.isSsh() ? connectOverSsh(u, ssh) : Libvirt.connectLocal(u);
        try {
            Domain d = l.resolve(domain);
            l.screen(d, l.xml(d)); // no VNC, or not running: said now, before listening
            LibvirtDesktop desktop = new LibvirtDesktop(l, d, password, tls).admitWhenDown(admitWhenDown);
            LibvirtDevices devices = new LibvirtDevices(LibvirtDeviceSource.open(l, d, true, false), registry, backlogBytes);
            devices.start();
            return new DomainUpstream(l, desktop, devices);
        } catch (IOException | InterruptedException | RuntimeException e) {
            l.close();
            throw e;
        }
    }

    private static Libvirt connectOverSsh(LibvirtUri uri, SshOptions ssh) throws IOException, InterruptedException {
        SshCommandHost host = SshCommandHost.open(uri, ssh, true);
        try {
            return Libvirt.connect(uri, host);
        } catch (IOException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    public LibvirtDesktop desktop() {
        return desktop;
    }

    /** Stops following the domain, ends its captures and the SSH connection. */
    @Override
    public void close() {
        devices.close();
        libvirt.close();
    }
}
