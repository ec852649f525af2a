package io.vncstream.rfb.security;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** VNC Authentication (type 2, and inside TLSVnc/X509Vnc): the DES response to a 16-byte challenge. */
public final class VncAuthSecurity implements ClientSecurity {
    @Override
    public void run(SecurityContext context) throws IOException {
        byte[] challenge = context.in().readBytes(VncAuth.CHALLENGE_LENGTH);
        char[] password = context.askUser(() -> context.passwords().password(context.serverName()));
        try {
            OutputStream out = context.out();
            out.write(VncAuth.response(challenge, password));
            out.flush();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
