package io.vncstream.rfb.security.tls;

import java.io.IOException;

/** TLS could not be set up or broke: the message names the cause (protocol, certificate, alert) in one line. */
public class TlsException extends IOException {
    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
