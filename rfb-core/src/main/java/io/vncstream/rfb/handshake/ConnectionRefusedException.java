package io.vncstream.rfb.handshake;

import java.io.IOException;

/** The server refused the connection before authentication, with its reason when it gave one. */
public class ConnectionRefusedException extends IOException {
    public ConnectionRefusedException(String message) {
        super(message);
    }
}
