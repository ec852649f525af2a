package io.vncstream.viewer.connect;

import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordSource;

import java.io.IOException;

/**
 * A libvirt domain as something to connect to: the libvirt connection, the domain, and its
 * screen as it is now (the live XML's VNC port changes when the domain restarts). Blocking:
 * call off the event dispatch thread.
 */
public final class LibvirtTarget implements AutoCloseable {
    private final Libvirt libvirt;
    private final Domain domain;

    private LibvirtTarget(Libvirt libvirt, Domain domain) {
        this.libvirt = libvirt;
        this.domain = domain;
    }

    /** Connects to libvirt at {@code uri} and finds {@code domain} (name, UUID or id). */
    public static LibvirtTarget open(String uri, String domain) throws IOException, InterruptedException {
        LibvirtUri u = LibvirtUri.parse(uri);
        if (u.isSsh()) {
            throw new IOException(uri + ": qemu+ssh:// needs the SSH support, which this build does not have yet");
        }
        Libvirt l = Libvirt.connectLocal(u);
        try {
            return new LibvirtTarget(l, l.resolve(domain));
        } catch (IOException | InterruptedException | RuntimeException e) {
            l.close();
            throw e;
        }
    }

    public Libvirt libvirt() {
        return libvirt;
    }

    public Domain domain() {
        return domain;
    }

    /** The domain's screen now, as this machine reaches it. */
    public VncEndpoint screen() throws IOException, InterruptedException {
        return libvirt.screen(domain, libvirt.xml(domain)).onHost();
    }

    /** Connects to the screen: the XML's password when it has one, else {@code password} asks. */
    public RfbClient connect(ClientConfig config, PasswordSource password, RfbClientHandler handler)
            throws IOException, InterruptedException {
        VncEndpoint e = screen();
        ServerAddress address = ServerAddress.parse(e.address());
        config.password(e.password() != null ? server -> e.password().toCharArray() : password);
        return RfbClient.connect(address, config, handler);
    }

    /** "vm1 on qemu:///system", for titles and messages. */
    public String describe() {
        return domain.name() + " on " + libvirt.uri();
    }

    @Override
    public void close() {
        libvirt.close();
    }
}
