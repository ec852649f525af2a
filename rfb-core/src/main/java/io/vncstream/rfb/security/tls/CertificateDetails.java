package io.vncstream.rfb.security.tls;

import java.time.Instant;
import java.util.List;

/**
 * What a user needs to decide about a certificate: who it is for and from, when it is valid,
 * the names it covers, its fingerprint, and why it is not trusted already.
 *
 * @param server  the server as the user named it ("host:port")
 * @param problem why it is not trusted: "self-signed", "not signed by a trusted certificate authority"
 */
public record CertificateDetails(String server, String subject, String issuer, Instant notBefore, Instant notAfter,
                                 List<String> names, String fingerprint, String problem) {
    /** One line for logs and terminals, the server's text escaped. */
    public String summary() {
        return HostNames.printable("certificate of " + server + ": subject " + subject + ", issuer " + issuer
                + ", valid " + notBefore + " to " + notAfter
                + (names.isEmpty() ? "" : ", names " + String.join(", ", names)) + ", " + fingerprint + " (" + problem + ")");
    }
}
