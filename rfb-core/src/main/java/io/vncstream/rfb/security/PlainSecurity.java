package io.vncstream.rfb.security;

import io.vncstream.rfb.io.ByteArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * VeNCrypt's Plain authentication (alone as 256, inside TLS as 259 and 262): u32 user-name
 * length, u32 password length, then both in UTF-8. The client sends and the server answers
 * with the SecurityResult.
 */
public final class PlainSecurity implements ClientSecurity {
    @Override
    public void run(SecurityContext context) throws IOException {
        Credentials credentials = context.askUser(() -> context.credentials().credentials(context.serverName(),
                context.user()));
        byte[] user = credentials.user().getBytes(StandardCharsets.UTF_8);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(credentials.password()));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        ByteArray buffer = new ByteArray().u32(user.length).u32(password.length).bytes(user).bytes(password);
        byte[] message = buffer.toByteArray();
        try {
            context.out().write(message);
            context.out().flush();
        } finally {
            credentials.clear();
            Arrays.fill(password, (byte) 0);
            Arrays.fill(message, (byte) 0);
            Arrays.fill(buffer.array(), (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
