package io.vncstream.gateway.relay;

import io.vncstream.gateway.log.LogText;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.handshake.ServerInit;
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
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.pixel.PixelFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A viewer's desktop that outlives its upstream connection. While the upstream is down, the
 * viewer is shown a {@link Placeholder} (at the size it last knew), its fence requests are
 * answered here and its input dropped, and the upstream is connected again in the background;
 * once it is back the viewer's pixel format, encodings and continuous updates are replayed to
 * it, a size change goes to the viewer first (DesktopSize or ExtendedDesktopSize), and a full
 * update replaces the picture. A viewer that asked for neither size change is ended instead when
 * the size differs.
 *
 * <p>Only a viewer that keeps its connection for something else, its consoles (it asked for
 * the stream extension), or every viewer when the gateway admits them with a placeholder, is
 * kept; any other is ended with the reason, as before.
 *
 * <p>Threads: the viewer's reader thread calls the handler methods; every message this class
 * itself sends to the viewer goes out on the resumer thread, which also installs the new
 * upstream before starting its relay, so the placeholder never lands after the real picture.
 * The lock is held while calling the upstream connection, whose methods only queue (its
 * writer never blocks) and never call back; never while sending to the viewer.
 */
final class ResumingConnection implements DesktopConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ResumingConnection.class);
    private static final long FIRST_RETRY_MS = 250;
    private static final long MAX_RETRY_MS = 2000;
    /** Encodings carrying a zlib stream for the whole connection: a new upstream's fresh stream would not continue the viewer's. */
    private static final Set<Integer> CONNECTION_STREAMS = Set.of(Encodings.ZLIB, Encodings.TIGHT, 8, Encodings.ZRLE, 17);

    private final UpstreamDesktop desktop;
    private final MessageSink viewer;
    private final ServerInit init;
    private final boolean keepAlways;
    private final Object lock = new Object();
    // Guarded by lock.
    private UpstreamConnection current;
    private PixelFormat format;
    private SetEncodings encodings;
    private EnableContinuousUpdates continuous;
    private int width;
    private int height;
    private boolean streams;
    /** An upstream connection of this viewer has ended: its zlib streams are spent, later ones must not use them. */
    private boolean streamsSpent;
    private boolean pictureWanted;
    private final List<byte[]> toViewer = new ArrayList<>();
    private String downReason;
    private boolean closed;
    private Thread resumer;

    /** Over a live upstream connection, made with an {@link UpstreamSink} bound to this after. */
    ResumingConnection(UpstreamDesktop desktop, MessageSink viewer, boolean keepAlways, UpstreamConnection first) {
        this(desktop, viewer, keepAlways, first.serverInit(), first, null);
    }

    /** Admitted while the upstream is down: the viewer gets {@code placeholderInit} and the picture. */
    ResumingConnection(UpstreamDesktop desktop, MessageSink viewer, ServerInit placeholderInit, String reason) {
        this(desktop, viewer, true, placeholderInit, null, reason);
    }

    private ResumingConnection(UpstreamDesktop desktop, MessageSink viewer, boolean keepAlways, ServerInit init,
                               UpstreamConnection first, String reason) {
        this.desktop = desktop;
        this.viewer = viewer;
        this.keepAlways = keepAlways;
        this.init = init;
        this.current = first;
        this.format = init.format();
        this.width = init.width();
        this.height = init.height();
        this.downReason = reason;
    }

    @Override
    public ServerInit serverInit() {
        return init;
    }

    @Override
    public void start() {
        UpstreamConnection c;
        synchronized (lock) {
            c = current;
            if (c == null) {
                // The picture waits for the viewer's first full request: sent now, it could cross
                // the viewer's SetPixelFormat and be read in the wrong format.
                startResumer();
            }
        }
        if (c != null) {
            c.start();
        }
    }

    /** The upstream connection {@code c} ended (its relay or its writer failed). */
    void lost(UpstreamConnection c, String reason) {
        boolean keep;
        synchronized (lock) {
            if (closed || c == null || current != c) {
                return;
            }
            current = null;
            streamsSpent = true;
            keep = keepAlways || streams;
            if (keep) {
                width = c.width();
                height = c.height();
                downReason = reason;
                pictureWanted = true;
                startResumer();
            }
        }
        c.close();
        if (keep) {
            LOG.info("{}; {} keeps its consoles and is shown a placeholder until it is back", LogText.clean(reason), viewer);
        } else {
            viewer.close(reason);
        }
    }

    private void startResumer() {
        resumer = new Thread(this::resume, "upstream-resumer " + viewer);
        resumer.setDaemon(true);
        resumer.start();
    }

    private void resume() {
        long delay = FIRST_RETRY_MS;
        long nextAttempt = System.nanoTime() + delay * 1_000_000;
        long downSince = System.nanoTime();
        while (true) {
            byte[] picture = null;
            List<byte[]> out;
            synchronized (lock) {
                while (!closed && !pictureWanted && toViewer.isEmpty() && System.nanoTime() < nextAttempt) {
                    try {
                        lock.wait(Math.max(1, (nextAttempt - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                if (pictureWanted) {
                    picture = Placeholder.update(width, height, format, encodings, downReason);
                    pictureWanted = false;
                }
                out = new ArrayList<>(toViewer);
                toViewer.clear();
            }
            if (picture != null) {
                viewer.send(picture);
            }
            out.forEach(viewer::send);
            if (System.nanoTime() < nextAttempt) {
                continue;
            }
            UpstreamSink sink = new UpstreamSink(viewer);
            try {
                UpstreamConnection c = desktop.connect(sink);
                sink.bind(this, c);
                if (install(c)) {
                    LOG.info("{} back after {} ms: {}'s desktop is relayed again",
                            desktop.describe(), (System.nanoTime() - downSince) / 1_000_000, viewer);
                }
                return;
            } catch (IOException e) {
                synchronized (lock) {
                    downReason = e.getMessage();
                }
                delay = Math.min(MAX_RETRY_MS, delay * 2);
                nextAttempt = System.nanoTime() + delay * 1_000_000;
            }
        }
    }

    /** Replays the viewer's state to {@code c}, tells the viewer of a new size, then relays. */
    private boolean install(UpstreamConnection c) {
        byte[] resize = null;
        String refusal = null;
        synchronized (lock) {
            if (closed) {
                c.close();
                return false;
            }
            ServerInit up = c.serverInit();
            if (up.width() != width || up.height() != height) {
                if (encodings != null && encodings.contains(Encodings.EXTENDED_DESKTOP_SIZE)) {
                    resize = SizeChange.extendedDesktopSize(up.width(), up.height());
                } else if (encodings != null && encodings.contains(Encodings.DESKTOP_SIZE)) {
                    resize = SizeChange.desktopSize(up.width(), up.height());
                } else {
                    refusal = desktop.describe() + " came back at " + up.width() + "x" + up.height()
                            + ", and the viewer cannot change its size from " + width + "x" + height;
                }
            }
            if (refusal == null) {
                width = up.width();
                height = up.height();
                c.setPixelFormat(format);
                if (encodings != null) {
                    c.setEncodings(usable(encodings));
                }
                if (continuous != null && continuous.enable()) {
                    c.enableContinuousUpdates(new EnableContinuousUpdates(true, 0, 0, width, height));
                }
                c.updateRequest(new FramebufferUpdateRequest(false, 0, 0, width, height));
                current = c;
            }
        }
        if (refusal != null) {
            c.close();
            viewer.close(refusal);
            return false;
        }
        if (resize != null) {
            viewer.send(resize);
        }
        c.start();
        return true;
    }

    private SetEncodings usable(SetEncodings e) {
        if (!streamsSpent) {
            return e;
        }
        List<Integer> kept = new ArrayList<>();
        for (int enc : e.encodings()) {
            if (!CONNECTION_STREAMS.contains(enc)) {
                kept.add(enc);
            }
        }
        return new SetEncodings(kept);
    }

    /** The connection to forward a viewer message to, or null while the upstream is down. */
    private UpstreamConnection live() {
        synchronized (lock) {
            return current;
        }
    }

    @Override
    public void setPixelFormat(PixelFormat f) {
        synchronized (lock) {
            format = f;
            if (current != null) {
                current.setPixelFormat(f);
            }
        }
    }

    @Override
    public void setEncodings(SetEncodings e) {
        synchronized (lock) {
            encodings = e;
            streams |= e.contains(Encodings.STREAMS);
            if (current != null) {
                current.setEncodings(usable(e));
            }
        }
    }

    @Override
    public void updateRequest(FramebufferUpdateRequest request) {
        synchronized (lock) {
            if (current != null) {
                current.updateRequest(request);
            } else if (!request.incremental()) {
                pictureWanted = true;
                lock.notifyAll();
            }
            // An incremental request while down waits: the upstream's first update answers it.
        }
    }

    @Override
    public void enableContinuousUpdates(EnableContinuousUpdates request) {
        synchronized (lock) {
            continuous = request;
            if (current != null) {
                current.enableContinuousUpdates(request);
            }
        }
    }

    @Override
    public void fence(Fence fence) throws IOException {
        synchronized (lock) {
            if (current != null) {
                current.fence(fence);
            } else if (fence.isRequest()) {
                if (toViewer.size() >= ServerMessageFramer.MAX_OUTSTANDING_FENCES) {
                    throw new RfbProtocolException("more than " + ServerMessageFramer.MAX_OUTSTANDING_FENCES
                            + " fence requests while the upstream is down, their answers not yet sent");
                }
                // Answered as the server would: nothing is in flight while the upstream is down.
                // The server's Fence message has the client's layout and type.
                toViewer.add(fence.response().toBytes());
                lock.notifyAll();
            }
        }
    }

    @Override
    public void keyEvent(KeyEvent event) {
        UpstreamConnection c = live();
        if (c != null) {
            c.keyEvent(event);
        }
    }

    @Override
    public void qemuKeyEvent(QemuKeyEvent event) {
        UpstreamConnection c = live();
        if (c != null) {
            c.qemuKeyEvent(event);
        }
    }

    @Override
    public void pointerEvent(PointerEvent event) {
        UpstreamConnection c = live();
        if (c != null) {
            c.pointerEvent(event);
        }
    }

    @Override
    public void clientCutText(String text) {
        UpstreamConnection c = live();
        if (c != null) {
            c.clientCutText(text);
        }
    }

    @Override
    public void setDesktopSize(SetDesktopSize request) {
        UpstreamConnection c = live();
        if (c != null) {
            c.setDesktopSize(request);
        }
    }

    @Override
    public void extendedClipboard(ExtendedClipboard message) {
        UpstreamConnection c = live();
        if (c != null) {
            c.extendedClipboard(message);
        }
    }

    @Override
    public void xvp(XvpMessage message) {
        UpstreamConnection c = live();
        if (c != null) {
            c.xvp(message);
        }
    }

    @Override
    public void qemuAudio(QemuAudioRequest request) {
        UpstreamConnection c = live();
        if (c != null) {
            c.qemuAudio(request);
        }
    }

    @Override
    public void close() {
        UpstreamConnection c;
        synchronized (lock) {
            closed = true;
            c = current;
            current = null;
            lock.notifyAll();
        }
        if (c != null) {
            c.close();
        }
    }
}
