package io.vncstream.rfb.security;

import java.io.IOException;

/**
 * One security type's part of the client handshake, between the choice of type and the
 * SecurityResult. Types are small and composed: X509Vnc is TLS with a certificate, then VNC
 * Authentication inside it ({@link SecurityStack}); {@link SecurityFactory} builds them.
 */
public interface ClientSecurity {
    /** Runs this type over the context's streams; a TLS layer replaces them for what follows. */
    void run(SecurityContext context) throws IOException;

    /** None: nothing to exchange. */
    ClientSecurity NONE = context -> { };
}
