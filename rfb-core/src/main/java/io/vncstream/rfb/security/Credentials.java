package io.vncstream.rfb.security;

import java.util.Arrays;

/** A user name and password for Plain authentication; the caller clears the password after use. */
public record Credentials(String user, char[] password) {
    public void clear() {
        Arrays.fill(password, '\0');
    }
}
