package io.vncstream.rfb.security;

import java.io.IOException;

/** The server refused our credentials, or we had none to give; the message is for the user. */
public class AuthenticationException extends IOException {
    public AuthenticationException(String message) {
        super(message);
    }
}
