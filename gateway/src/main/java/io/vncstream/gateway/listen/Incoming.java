package io.vncstream.gateway.listen;

import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.net.InetAddress;

/** A viewer's connection, accepted but not yet served or refused. */
public interface Incoming {
    /** Where it comes from, for the limits per address: loopback on a Unix socket. */
    InetAddress from();

    /** How logs name it. */
    String name();

    /** Why the listener itself turns this peer away (a Unix socket's other users), or null. */
    default String refusal() {
        return null;
    }

    /** The connection as a viewer session reads and writes it. */
    Transport transport() throws IOException;

    /** Turns the viewer away with a reason it can show (on a thread of its own), and closes. */
    void refuse(String reason);

    /** Closes without a word (the gateway could not serve it). */
    void close();
}
