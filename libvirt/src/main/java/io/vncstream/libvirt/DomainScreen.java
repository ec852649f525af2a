package io.vncstream.libvirt;

import io.vncstream.libvirt.host.CommandHost;
import io.vncstream.libvirt.xml.DomainXml;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.time.Duration;

/**
 * A connection to a domain's VNC screen as it is now, made through its libvirt host: here a
 * socket, over {@code qemu+ssh://} an SSH channel (direct-tcpip or direct-streamlocal), as
 * virt-viewer tunnels. The live XML is read for each one, since a domain that was restarted may
 * listen elsewhere; a wildcard listen address is the host itself. Shared by the viewer and the
 * gateway, so that both reach a remote domain the same way.
 *
 * @param transport the open connection, not yet past the RFB handshake
 * @param listen    where the XML says the screen listens (a wildcard address as written there)
 * @param endpoint  where the screen is as the host sees it, with the XML's password if any
 * @param name      the screen in words: {@code 127.0.0.1::5900}, remotely {@code ... on root@host:22}
 */
public record DomainScreen(Transport transport, VncEndpoint listen, VncEndpoint endpoint, String name) {
    /** Looks the screen up and connects to it within {@code timeout}; an error says why not. */
    public static DomainScreen open(Libvirt libvirt, Domain domain, Duration timeout) throws IOException, InterruptedException {
        return open(libvirt, domain, libvirt.xml(domain), timeout);
    }

    /** As {@link #open(Libvirt, Domain, Duration)}, with {@code xml} the live XML read a moment ago. */
    public static DomainScreen open(Libvirt libvirt, Domain domain, DomainXml xml, Duration timeout)
            throws IOException, InterruptedException {
        VncEndpoint listen = libvirt.screen(domain, xml);
        VncEndpoint e = listen.onHost();
        CommandHost host = libvirt.virsh().host();
        Transport t = e.isSocket() ? host.connectUnix(e.socket(), timeout) : host.connectTcp(e.host(), e.port(), timeout);
        return new DomainScreen(t, listen, e, e.address() + (libvirt.uri().isSsh() ? " on " + host.name() : ""));
    }

    /** The XML's VNC password, or null when it carries none (then the user's is asked for). */
    public String password() {
        return endpoint.password();
    }
}
