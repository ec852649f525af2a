package io.vncstream.viewer.connect;

import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.tls.VncCertificates;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.rfb.security.tls.TlsOptions;

import java.io.IOException;

/**
 * TLS for the VNC server of a libvirt domain whose host has {@code vnc_tls = 1}: the certificates
 * virt-viewer would use, and the name the server's certificate must carry.
 */
public final class LibvirtTls {
    private LibvirtTls() {
    }

    /**
     * Trusts the libvirt CA when one is found (besides any {@code --x509-ca}) and, unless a client
     * certificate was given already, presents the libvirt client certificate; what is missing is
     * named in the error a refusing server causes, with where it was looked for.
     */
    public static void apply(TlsOptions tls, VncCertificates found) throws IOException {
        if (found.ca() != null) {
            tls.caFile(found.ca());
        } else if (tls.extraCas().isEmpty()) {
            tls.untrustedAdvice(found.caNotFound());
        }
        if (tls.clientKey() != null) {
            return;
        }
        if (found.hasClientCertificate()) {
            ClientCertificateFiles.load(tls, found.clientCert(), found.clientKey(), "libvirt client certificate",
                    "libvirt client key");
        } else {
            tls.clientAdvice(found.clientNotFound() + "; give one with --x509-cert and --x509-key");
        }
    }

    /**
     * The name the server's certificate must carry: over SSH the URI's host, where the tunnel
     * ends and QEMU listens (not the loopback address the tunnel gives us); locally the listen
     * address, "localhost" for a wildcard one; null (no name check) for a local Unix socket.
     */
    public static String certificateName(LibvirtUri uri, VncEndpoint listen) {
        if (uri.isSsh()) {
            String h = uri.host();
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        }
        if (listen.isSocket()) {
            return null;
        }
        String h = listen.host();
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") ? "localhost" : h;
    }
}
