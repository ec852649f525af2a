package io.vncstream.rfb.security.tls;

import java.security.cert.CertificateException;

/**
 * The server's certificate was refused (expired, wrong host, changed, not accepted); thrown
 * from inside the TLS handshake and turned into a {@link TlsException} with the same message.
 */
public class CertificateRejectedException extends CertificateException {
    public CertificateRejectedException(String message) {
        super(message);
    }
}
