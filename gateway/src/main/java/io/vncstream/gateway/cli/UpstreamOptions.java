package io.vncstream.gateway.cli;

import io.vncstream.gateway.net.HostPort;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.gateway.tls.UpstreamTls;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.tls.TlsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real VNC server behind the gateway: its address, password and certificate trust, and what viewers see while it is down. */
final class UpstreamOptions {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamOptions.class);

    @Option(names = "--upstream", paramLabel = "HOST:PORT|unix:PATH", description = "The real VNC server to relay.")
    String upstream;

    @Option(names = "--upstream-password-file", paramLabel = "FILE", description = "Password for the upstream server.")
    Path upstreamPasswordFile;

    @Option(names = "--upstream-ca", paramLabel = "FILE",
            description = "Trust upstream certificates signed by the CA(s) in this PEM file (repeatable), besides the system's.")
    List<Path> upstreamCas = new ArrayList<>();

    @Option(names = "--upstream-accept-certificate", paramLabel = "SHA256:...",
            description = "Trust the upstream certificate with this SHA-256 fingerprint (repeatable), e.g. a self-signed one.")
    List<String> upstreamAcceptedCertificates = new ArrayList<>();

    @Option(names = "--admit-when-upstream-down",
            description = "Admit viewers while the upstream is down or refuses, with a placeholder desktop replaced once it is back"
                    + " (default: refuse them with the reason; viewers with consoles always keep their session when it goes down later).")
    boolean admitWhenUpstreamDown;

    PasswordSource password() {
        return upstreamPasswordFile == null ? PasswordSource.NONE : server -> PasswordFile.read(upstreamPasswordFile);
    }

    TlsOptions tls() throws IOException {
        return UpstreamTls.options(upstreamCas, upstreamAcceptedCertificates);
    }

    /** The --upstream server, probed once: a certificate we would refuse ends the start, a server that is down does not. */
    UpstreamDesktop desktop() throws IOException {
        UpstreamDesktop d = new UpstreamDesktop(address(), password(), tls()).admitWhenDown(admitWhenUpstreamDown);
        try {
            d.probe();
        } catch (IOException e) {
            if (UpstreamTls.isCertificateRejection(e)) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            LOG.warn("{} (tried again for each viewer that connects)", e.getMessage());
        }
        return d;
    }

    /**
     * {@code HOST:PORT} is a port, as for {@code --listen}; {@code HOST::PORT}, {@code unix:PATH} and
     * {@code vnc://} are rfb-core's forms. The "::" is looked for after the host, so an IPv6 address's
     * own "::" ({@code [::1]:5}) does not turn the port into a VNC display number.
     */
    private ServerAddress address() {
        int afterHost = upstream.startsWith("[") ? upstream.indexOf(']') + 1 : upstream.indexOf(':');
        boolean rfbForm = upstream.startsWith("unix:") || upstream.startsWith("vnc://") || upstream.startsWith("::", afterHost);
        return ServerAddress.parse(rfbForm ? upstream : HostPort.parse(upstream).asServerAddress());
    }

    /** Warns about a password file others may read. */
    void warn() {
        if (upstreamPasswordFile != null) {
            PasswordWarnings.check(upstreamPasswordFile, "--upstream-password-file", null);
        }
    }
}
