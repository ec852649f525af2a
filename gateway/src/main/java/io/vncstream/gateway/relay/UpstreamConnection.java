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
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One viewer's relay to the upstream server. Server messages are framed whole and passed on;
 * the viewer's messages go upstream, with SetEncodings stripped of -260 (which QEMU reads as
 * TightPNG) and of anything the framer could not find the end of, so that what the gateway
 * cannot relay is never negotiated at all. Fences are followed in both directions: the
 * viewer's requests tell the framer where a pixel format switch falls, and a server Fence
 * that fences what follows keeps the gateway's own messages out until that has passed.
 */
final class UpstreamConnection implements DesktopConnection {
    private final Transport upstream;
    private final RfbInput in;
    private final ServerInit init;
    private final MessageSink viewer;
    private final ServerMessageFramer framer;
    private final MessageWriter writer;
    private volatile boolean closed;
    /** The viewer's last message was a fence request with SyncNext (only the viewer's reader thread touches it). */
    private boolean afterSyncFence;

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

    /** The viewer's framebuffer size: ServerInit's, or the last size change relayed. */
    int width() {
        return framer.width();
    }

    int height() {
        return framer.height();
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
                byte[] message = framer.next();
                Fence fence = framer.lastFence();
                viewer.send(message, fence != null && (fence.has(Fence.BLOCK_AFTER) || fence.has(Fence.SYNC_NEXT)));
            }
        } catch (Exception e) {
            if (!closed) {
                viewer.close("upstream " + upstream + " ended: " + e.getMessage());
            }
        }
    }

    /** Every viewer message goes upstream through here, so that the fence state follows the viewer's stream. */
    private void forward(ClientMessage message) {
        afterSyncFence = false;
        writer.send(message.toBytes());
    }

    @Override
    public void setPixelFormat(PixelFormat format) {
        if (afterSyncFence) {
            framer.pixelFormatAtFenceAnswer(format);
        } else {
            framer.pixelFormatRequested(format);
        }
        forward(new SetPixelFormat(format));
    }

    @Override
    public void setEncodings(SetEncodings encodings) {
        List<Integer> forwarded = new ArrayList<>();
        for (int e : encodings.encodings()) {
            if (e != Encodings.STREAMS && ServerMessageFramer.canFrame(e)) {
                forwarded.add(e);
            }
        }
        forward(new SetEncodings(forwarded));
    }

    @Override
    public void updateRequest(FramebufferUpdateRequest request) {
        forward(request);
    }

    @Override
    public void keyEvent(KeyEvent event) {
        forward(event);
    }

    @Override
    public void qemuKeyEvent(QemuKeyEvent event) {
        forward(event);
    }

    @Override
    public void pointerEvent(PointerEvent event) {
        forward(event);
    }

    @Override
    public void clientCutText(String text) {
        forward(new ClientCutText(text));
    }

    @Override
    public void setDesktopSize(SetDesktopSize request) {
        forward(request);
    }

    @Override
    public void extendedClipboard(ExtendedClipboard message) {
        afterSyncFence = false;
        writer.send(message.toBytes(ClientMessage.CLIENT_CUT_TEXT));
    }

    @Override
    public void fence(Fence fence) throws IOException {
        if (fence.isRequest()) {
            framer.fenceRequested();
        }
        forward(fence);
        afterSyncFence = fence.isRequest() && fence.has(Fence.SYNC_NEXT);
    }

    @Override
    public void enableContinuousUpdates(EnableContinuousUpdates request) {
        forward(request);
    }

    @Override
    public void xvp(XvpMessage message) {
        forward(message);
    }

    @Override
    public void qemuAudio(QemuAudioRequest request) {
        forward(request);
    }

    @Override
    public void close() {
        closed = true;
        writer.close();
        upstream.close();
    }
}
