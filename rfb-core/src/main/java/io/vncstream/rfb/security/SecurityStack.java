package io.vncstream.rfb.security;

import java.io.IOException;

/** Two security types one after the other: a transport layer (TLS), then an authentication inside it. */
public record SecurityStack(ClientSecurity first, ClientSecurity second) implements ClientSecurity {
    @Override
    public void run(SecurityContext context) throws IOException {
        first.run(context);
        second.run(context);
    }
}
