package io.vncstream.gateway.libvirt;

import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordSource;

import java.io.IOException;

/**
 * A libvirt domain's screen as the gateway's upstream: looked up in the live XML for each
 * viewer, since a domain that was restarted may have another port; the XML's password when it
 * carries one, else the given one.
 */
public final class LibvirtDesktop implements Desktop {
    private final Libvirt libvirt;
    private final Domain domain;
    private final PasswordSource password;

    public LibvirtDesktop(Libvirt libvirt, Domain domain, PasswordSource password) {
        this.libvirt = libvirt;
        this.domain = domain;
        this.password = password;
    }

    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) throws IOException {
        VncEndpoint e;
        try {
            e = libvirt.screen(domain, libvirt.xml(domain)).onHost();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking libvirt for " + domain.name() + "'s screen");
        }
        PasswordSource pw = e.password() != null ? server -> e.password().toCharArray() : password;
        return new UpstreamDesktop(ServerAddress.parse(e.address()), pw).open(viewer, shared);
    }

    @Override
    public String describe() {
        return "libvirt domain " + domain.name() + " on " + libvirt.uri();
    }
}
