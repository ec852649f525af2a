package io.vncstream.rfb.security;

import java.time.Clock;

/** Builds the client side of a security type we support, composing TLS and an inner authentication. */
public final class SecurityFactory {
    private final Clock clock;

    public SecurityFactory(Clock clock) {
        this.clock = clock;
    }

    public SecurityFactory() {
        this(Clock.systemUTC());
    }

    /** The type's implementation, or null when vncstream cannot complete it. */
    public ClientSecurity create(int type) {
        return switch (type) {
            case SecurityType.NONE -> ClientSecurity.NONE;
            case SecurityType.VNC_AUTH -> new VncAuthSecurity();
            case SecurityType.VENCRYPT -> new VeNCryptSecurity(this);
            case SecurityType.PLAIN -> new PlainSecurity();
            case SecurityType.TLS_NONE -> tls(false, ClientSecurity.NONE);
            case SecurityType.TLS_VNC -> tls(false, new VncAuthSecurity());
            case SecurityType.TLS_PLAIN -> tls(false, new PlainSecurity());
            case SecurityType.X509_NONE -> tls(true, ClientSecurity.NONE);
            case SecurityType.X509_VNC -> tls(true, new VncAuthSecurity());
            case SecurityType.X509_PLAIN -> tls(true, new PlainSecurity());
            default -> null;
        };
    }

    private ClientSecurity tls(boolean x509, ClientSecurity inner) {
        TlsSecurity tls = new TlsSecurity(x509, clock);
        return inner == ClientSecurity.NONE ? tls : new SecurityStack(tls, inner);
    }
}
