package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.MessageSink;

/**
 * What an upstream connection of one viewer sends to: its messages go to the viewer, its end
 * to the {@link ResumingConnection} it is bound to (before that, to the viewer: it is ended).
 */
final class UpstreamSink implements MessageSink {
    private final MessageSink viewer;
    private volatile ResumingConnection owner;
    private volatile UpstreamConnection connection;

    UpstreamSink(MessageSink viewer) {
        this.viewer = viewer;
    }

    void bind(ResumingConnection owner, UpstreamConnection connection) {
        this.owner = owner;
        this.connection = connection;
    }

    @Override
    public void send(byte[] message) {
        viewer.send(message);
    }

    @Override
    public void send(byte[] message, boolean fencesNext) {
        viewer.send(message, fencesNext);
    }

    @Override
    public void close(String reason) {
        ResumingConnection o = owner;
        if (o == null) {
            viewer.close(reason);
        } else {
            o.lost(connection, reason);
        }
    }
}
