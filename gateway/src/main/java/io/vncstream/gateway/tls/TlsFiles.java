package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerTls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate (chain) file and its key file, given by the user or made by the gateway. */
public record TlsFiles(Path certificate, Path key, boolean selfSigned, boolean madeNow) {

    /** Reads and checks both files; every problem is one line naming the file. */
    public ServerTls load() throws IOException {
        String certOption = selfSigned ? "the gateway's certificate" : "--tls-cert";
        String keyOption = selfSigned ? "the gateway's key" : "--tls-key";
        List<X509Certificate> chain = PemFiles.certificates(certificate, certOption);
        PrivateKey privateKey = PemFiles.privateKey(key, keyOption);
        PemFiles.checkPair(privateKey, chain.get(0), key, certificate);
        return ServerTls.of(privateKey, chain.toArray(X509Certificate[]::new));
    }
}
