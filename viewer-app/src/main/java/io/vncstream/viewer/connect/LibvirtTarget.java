package io.vncstream.viewer.connect;

import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.DomainScreen;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.tls.VncCertificates;
import io.vncstream.libvirt.xml.DomainXml;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.SshPrompts;

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

    /**
     * Connects to libvirt at {@code uri} (over SSH for {@code qemu+ssh://}, asking {@code prompts}
     * about host keys and passphrases) and finds {@code domain} (name, UUID or id). With
     * {@code reconnect}, a lost SSH connection is made again when next used (as virt-viewer's
     * --reconnect would), for a window or a console that outlives it and whose screen and
     * consoles then come back below a gap line; without it (a one-shot command) what follows
     * the loss fails in one line.
     */
    public static LibvirtTarget open(String uri, String domain, SshPrompts prompts, boolean reconnect)
            throws IOException, InterruptedException {
        // The domain's lookup is the first virsh call: it fails in the same words as a check would.
        Libvirt l = Libvirt.openUnchecked(LibvirtUri.parse(uri), SshOptions.forUser().prompts(prompts), reconnect);
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

    /**
     * Connects to the screen through the libvirt host (here a socket, remotely an SSH channel,
     * as virt-viewer tunnels): the XML's password when it has one, else {@code password} asks.
     * A host with {@code vnc_tls} gets the CA and client certificate virt-viewer would use
     * ({@link LibvirtTls}), and its certificate must name the host the URI names.
     */
    public RfbClient connect(ClientConfig config, PasswordSource password, RfbClientHandler handler)
            throws IOException, InterruptedException {
        return connect(null, config, password, handler);
    }

    /**
     * As {@link #connect(ClientConfig, PasswordSource, RfbClientHandler)}, with {@code xml} the
     * domain's live XML read a moment ago (null: read it now), which saves a virsh call at start.
     */
    public RfbClient connect(DomainXml xml, ClientConfig config, PasswordSource password, RfbClientHandler handler)
            throws IOException, InterruptedException {
        if (config.tls() != null) {
            LibvirtTls.apply(config.tls(), VncCertificates.find());
        }
        DomainScreen s = xml == null ? DomainScreen.open(libvirt, domain, config.connectTimeout())
                : DomainScreen.open(libvirt, domain, xml, config.connectTimeout());
        config.password(s.password() != null ? server -> s.password().toCharArray() : password);
        VncEndpoint e = s.endpoint();
        return RfbClient.connect(s.transport(), s.name(), LibvirtTls.certificateName(libvirt.uri(), s.listen()),
                e.isSocket() ? 0 : e.port(), config, handler);
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
