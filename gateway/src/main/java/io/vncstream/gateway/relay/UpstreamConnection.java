package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.MessageWriter;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.message.ClientCutText;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.pixel.PixelFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * One viewer's relay to the upstream server. Server messages are framed whole and passed on;
 * the viewer's messages go upstream, with SetEncodings stripped of -260 (which QEMU reads as
 * TightPNG) and of anything the framer could not find the end of.
 */
final class UpstreamConnection implements DesktopConnection {
    private final Transport upstream;
    private final RfbInput in;
    private final ServerInit init;
    private final MessageSink viewer;
    private final ServerMessageFramer framer;
    private final MessageWriter writer;
    private volatile boolean closed;

    UpstreamConnection(Transport upstream, RfbInput in, ServerInit init, MessageSink viewer) {
        this.upstream = upstream;
        this.in = in;
        this.init = init;
        this.viewer = viewer;
        this.framer = new ServerMessageFramer(in, init);
        this.writer = new MessageWriter(upstream.output(), "upstream-writer " + upstream,
                e -> viewer.close("upstream write failed: " + e.getMessage()));
    }

    @Override
    public ServerInit serverInit() {
        return init;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::relay, "upstream-reader " + upstream);
        t.setDaemon(true);
        t.start();
    }

    private void relay() {
        try {
            while (!closed) {
                viewer.send(framer.next());
            }
        } catch (Exception e) {
            if (!closed) {
                viewer.close("upstream " + upstream + " ended: " + e.getMessage());
            }
        }
    }

    @Override
    public void setPixelFormat(PixelFormat format) {
        framer.pixelFormatRequested(format);
        writer.send(new SetPixelFormat(format).toBytes());
    }

    @Override
    public void setEncodings(SetEncodings encodings) {
        List<Integer> forwarded = new ArrayList<>();
        for (int e : encodings.encodings()) {
            if (e != Encodings.STREAMS && ServerMessageFramer.canFrame(e)) {
                forwarded.add(e);
            }
        }
        writer.send(new SetEncodings(forwarded).toBytes());
    }

    @Override
    public void updateRequest(FramebufferUpdateRequest request) {
        writer.send(request.toBytes());
    }

    @Override
    public void keyEvent(KeyEvent event) {
        writer.send(event.toBytes());
    }

    @Override
    public void qemuKeyEvent(QemuKeyEvent event) {
        writer.send(event.toBytes());
    }

    @Override
    public void pointerEvent(PointerEvent event) {
        writer.send(event.toBytes());
    }

    @Override
    public void clientCutText(String text) {
        writer.send(new ClientCutText(text).toBytes());
    }

    @Override
    public void setDesktopSize(SetDesktopSize request) {
        writer.send(request.toBytes());
    }

    @Override
    public void close() {
        closed = true;
        writer.close();
        upstream.close();
    }
}
