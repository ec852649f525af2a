package io.vncstream.gateway.session;

import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.server.RfbServerHandler;

/** One viewer's view of a desktop: it takes the viewer's RFB messages and sends server messages to its sink. */
public interface DesktopConnection extends RfbServerHandler, AutoCloseable {
    ServerInit serverInit();

    /** Starts sending server messages (after ServerInit has gone out). */
    void start();

    @Override
    void close();
}
