package io.vncstream.gateway.listen;

import java.io.IOException;

/** Where viewers connect: a TCP port ({@link TcpListener}) or a Unix socket ({@link UnixListener}). */
public interface Listener extends AutoCloseable {
    /** The next viewer's connection; blocks until one comes or the listener closes. */
    Incoming accept() throws IOException;

    /** What a viewer connects to: {@code 127.0.0.1:5900}, or {@code unix:/run/user/1000/vm.sock}. */
    String describe();

    /** The TCP port, or -1 on a Unix socket. */
    int port();

    /** Stops listening (a Unix socket's file goes too); a blocked {@link #accept()} ends. */
    @Override
    void close();
}
