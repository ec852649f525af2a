package io.vncstream.rfb.security;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.security.ConnectionSecurity.Verification;
import io.vncstream.rfb.security.tls.CertificateCheck;
import io.vncstream.rfb.security.tls.ClientIdentity;
import io.vncstream.rfb.security.tls.HostNames;
import io.vncstream.rfb.security.tls.TlsEngines;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.time.Clock;

/**
 * VeNCrypt's TLS layer: the server says it is ready (one byte, 1), then the TLS handshake runs
 * over the connection and everything after it, the inner authentication included, is inside TLS.
 * X509 checks the server's certificate ({@link CertificateCheck}); anonymous TLS checks nothing.
 */
public final class TlsSecurity implements ClientSecurity {
    private final boolean x509;
    private final Clock clock;

    public TlsSecurity(boolean x509, Clock clock) {
        this.x509 = x509;
        this.clock = clock;
    }

    @Override
    public void run(SecurityContext context) throws IOException {
        int ready = context.in().readU8();
        if (ready != 1) {
            throw new RfbProtocolException("VeNCrypt: the server refused to start TLS (it answered " + ready + ", not 1)");
        }
        CertificateCheck check = null;
        ClientIdentity client = null;
        SSLEngine engine;
        if (x509) {
            check = new CertificateCheck(context.tls(), context.serverKey(), context.host(), context.userWait(), clock);
            client = new ClientIdentity(context.tls());
            engine = TlsEngines.x509(context.host(), context.port(), check, client);
        } else {
            engine = TlsEngines.anonymous();
        }
        SSLSession session = context.startTls(engine, client);
        Verification verification = x509 ? check.verification() : Verification.NOT_VERIFIED;
        // TLS 1.2 and 1.3 alike: local certificates are set only when the server asked and we sent one.
        java.security.cert.Certificate[] sent = session.getLocalCertificates();
        String subject = sent != null && sent.length > 0 && sent[0] instanceof java.security.cert.X509Certificate c
                ? HostNames.printable(c.getSubjectX500Principal().getName()) : null;
        context.security(new ConnectionSecurity(SecurityType.VENCRYPT, session.getProtocol(), session.getCipherSuite(),
                verification, x509 ? check.fingerprint() : null, subject));
    }
}
