package io.vncstream.gateway.session;

/** Where a desktop's server messages go: the viewer's connection, whole messages only. */
public interface MessageSink {
    void send(byte[] message);

    /** Ends the viewer's connection, with the reason for the log. */
    void close(String reason);
}
