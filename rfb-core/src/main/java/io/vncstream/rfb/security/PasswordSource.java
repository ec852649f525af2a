package io.vncstream.rfb.security;

import java.io.IOException;

/** Where a password comes from when a server asks for one: a file, a terminal prompt, a dialog. */
@FunctionalInterface
public interface PasswordSource {
    /** The password for {@code server}; the caller clears the array after use. */
    char[] password(String server) throws IOException;

    /** For servers that must not ask: asking is an error that says so. */
    PasswordSource NONE = server -> {
        throw new AuthenticationException("the server " + server + " asks for a password and none was given");
    };
}
