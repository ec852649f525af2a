package io.vncstream.rfb.security;

import java.io.IOException;

/**
 * Where a user name and password come from when a server asks for Plain authentication (VeNCrypt
 * sub-types Plain, TLSPlain, X509Plain): a dialog with a user-name field, a terminal, options.
 */
@FunctionalInterface
public interface CredentialsSource {
    /** The credentials for {@code server}; {@code user} is the user name already known, or null. */
    Credentials credentials(String server, String user) throws IOException;

    /** Takes the known user name (asking is an error without one) and the password from {@code passwords}. */
    static CredentialsSource of(PasswordSource passwords) {
        return (server, user) -> {
            if (user == null || user.isEmpty()) {
                throw new AuthenticationException("the server " + server
                        + " asks for a user name and password (Plain) and no user name was given");
            }
            return new Credentials(user, passwords.password(server));
        };
    }
}
