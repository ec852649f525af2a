package io.vncstream.gateway.tls;

import io.vncstream.rfb.security.tls.CertificatePrompt;
import io.vncstream.rfb.security.tls.CertificateRejectedException;
import io.vncstream.rfb.security.tls.TlsOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the gateway trusts an upstream server's certificate: as the viewer does (the system's
 * CAs, {@code --upstream-ca}, pinned {@code --upstream-accept-certificate} fingerprints, host
 * names checked), except that there is no one to ask: an unknown certificate is refused with a
 * line that names its fingerprint and the options that would accept it.
 */
public final class UpstreamTls {
    private UpstreamTls() {
    }

    public static TlsOptions options(List<Path> caFiles, List<String> acceptedFingerprints) throws IOException {
        TlsOptions options = new TlsOptions().prompt(UpstreamTls::refuse);
        for (Path ca : caFiles) {
            try {
                options.caFile(ca);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException("--upstream-ca " + ca + ": no such file", e);
            } catch (IOException e) {
                throw new IllegalArgumentException("--upstream-ca " + ca + ": " + e.getMessage(), e);
            }
        }
        for (String fp : acceptedFingerprints) {
            try {
                options.acceptFingerprint(fp);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--upstream-accept-certificate: " + e.getMessage(), e);
            }
        }
        return options;
    }

    private static CertificatePrompt.Decision refuse(io.vncstream.rfb.security.tls.CertificateDetails c) throws IOException {
        throw new IOException("its certificate is " + c.problem() + " (subject " + c.subject()
                + "): if it is the server's, add --upstream-accept-certificate " + c.fingerprint()
                + ", or --upstream-ca FILE with the CA that signed it");
    }

    /** Whether {@code e} (or what caused it) is a certificate verdict, which no retry will change. */
    public static boolean isCertificateRejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejectedException) {
                return true;
            }
        }
        return false;
    }
}
