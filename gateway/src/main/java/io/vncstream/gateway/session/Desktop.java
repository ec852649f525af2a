package io.vncstream.gateway.session;

import java.io.IOException;

/** What the gateway shows viewers: a real VNC server upstream, or the demo desktop. */
public interface Desktop extends AutoCloseable {
    DesktopConnection open(MessageSink viewer, boolean shared) throws IOException;

    String describe();

    /** Called once the gateway has closed every viewer's connection; a desktop with threads of its own stops them. */
    @Override
    default void close() {
    }
}
