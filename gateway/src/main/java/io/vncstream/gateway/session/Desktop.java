package io.vncstream.gateway.session;

import java.io.IOException;

/** What the gateway shows viewers: a real VNC server upstream, or the demo desktop. */
public interface Desktop {
    DesktopConnection open(MessageSink viewer, boolean shared) throws IOException;

    String describe();
}
