package io.vncstream.gateway.session;

/** Where a desktop's server messages go: the viewer's connection, whole messages only. */
public interface MessageSink {
    void send(byte[] message);

    /**
     * A desktop message that may be a Fence fencing what follows it: with {@code fencesNext}, the
     * gateway puts none of its own messages between this one and the next.
     */
    default void send(byte[] message, boolean fencesNext) {
        send(message);
    }

    /** Ends the viewer's connection, with the reason for the log. */
    void close(String reason);
}
