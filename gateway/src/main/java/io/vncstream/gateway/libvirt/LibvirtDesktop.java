package io.vncstream.gateway.libvirt;

import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.gateway.relay.UpstreamDialer;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.DomainScreen;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.TlsOptions;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A libvirt domain's screen as the gateway's upstream, reached as the viewer reaches it
 * ({@link DomainScreen}: a socket here, an SSH channel on a {@code qemu+ssh://} host), and looked
 * up in the live XML for each connection, since a domain that was restarted may have another
 * port; the XML's password when it carries one, else the given one. A viewer keeping its
 * consoles while the screen is away (domain stopped, SSH lost) gets it back as with any upstream.
 */
public final class LibvirtDesktop implements Desktop {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Libvirt libvirt;
    private final Domain domain;
    private final UpstreamDesktop upstream;

    public LibvirtDesktop(Libvirt libvirt, Domain domain, PasswordSource password) {
        this(libvirt, domain, password, new TlsOptions().prompt(CertificatePrompt.REFUSE));
    }

    public LibvirtDesktop(Libvirt libvirt, Domain domain, PasswordSource password, TlsOptions tls) {
        this.libvirt = libvirt;
        this.domain = domain;
        this.upstream = new UpstreamDesktop(new Dialer(), password, tls);
    }

    /** As {@link UpstreamDesktop#admitWhenDown}. */
    public LibvirtDesktop admitWhenDown(boolean admit) {
        upstream.admitWhenDown(admit);
        return this;
    }

    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) throws IOException {
        return upstream.open(viewer, shared);
    }

    @Override
    public String describe() {
        return "libvirt domain " + domain.name() + " on " + libvirt.uri();
    }

    private final class Dialer implements UpstreamDialer {
        @Override
        public Dialed dial() throws IOException {
            DomainScreen s;
            try {
                s = DomainScreen.open(libvirt, domain, CONNECT_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while asking libvirt for " + domain.name() + "'s screen");
            }
            String pw = s.password();
            return new Dialed(s.transport(), s.name(), s.endpoint().isSocket() ? null : s.endpoint().host(),
                    s.endpoint().isSocket() ? 0 : s.endpoint().port(), pw == null ? null : server -> pw.toCharArray());
        }

        @Override
        public String describe() {
            return LibvirtDesktop.this.describe();
        }
    }
}
