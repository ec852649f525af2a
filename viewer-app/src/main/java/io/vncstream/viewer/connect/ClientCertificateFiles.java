package io.vncstream.viewer.connect;

import io.vncstream.gateway.tls.PemFiles;
import io.vncstream.rfb.security.tls.TlsOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client certificate from PEM files (the certificate, with any intermediates after it, and its
 * unencrypted private key in any form openssl or certtool writes), checked to belong together
 * before any server sees them.
 */
public final class ClientCertificateFiles {
    private ClientCertificateFiles() {
    }

    /** Sets the certificate of {@code cert} and the key of {@code key} on {@code tls}; errors name the files as {@code certWhat}, {@code keyWhat}. */
    public static TlsOptions load(TlsOptions tls, Path cert, Path key, String certWhat, String keyWhat) throws IOException {
        List<X509Certificate> chain = PemFiles.certificates(cert, certWhat);
        PrivateKey privateKey = PemFiles.privateKey(key, keyWhat);
        PemFiles.checkPair(privateKey, chain.get(0), key, cert, keyWhat, certWhat);
        return tls.clientCertificate(privateKey, chain);
    }
}
