package io.vncstream.gateway.demo;

import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.encode.Encoder;
import io.vncstream.rfb.encode.PixelPacker;
import io.vncstream.rfb.encode.RawEncoder;
import io.vncstream.rfb.encode.ZrleEncoder;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.RfbProtocolException;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One viewer of the demo scene, served like a simple RFB server: an update answers a request
 * once something changed, in the first of the viewer's encodings we have (ZRLE or Raw).
 */
final class DemoConnection implements DesktopConnection {
    private static final int MAX_PENDING_RECTS = 16;

    private final DemoScene scene;
    private final MessageSink viewer;
    private final Consumer<Rectangle> damageListener = this::damaged;
    private final List<Rectangle> damage = new ArrayList<>();
    private final ZrleEncoder zrle = new ZrleEncoder();
    private final RawEncoder raw = new RawEncoder();
    private PixelPacker packer = new PixelPacker(PixelFormat.TRUE_COLOUR_32);
    private Encoder encoder = raw;
    private boolean requested;
    private volatile boolean closed;

    DemoConnection(DemoScene scene, MessageSink viewer) {
        this.scene = scene;
        this.viewer = viewer;
    }

    @Override
    public ServerInit serverInit() {
        return new ServerInit(DemoScene.WIDTH, DemoScene.HEIGHT, PixelFormat.TRUE_COLOUR_32, "vncstream demo");
    }

    @Override
    public void start() {
        scene.addListener(damageListener);
    }

    @Override
    public synchronized void setPixelFormat(PixelFormat format) throws RfbProtocolException {
        if (!format.trueColour()) {
            throw new RfbProtocolException("the demo serves true-colour pixel formats only, not " + format);
        }
        packer = new PixelPacker(format);
    }

    @Override
    public synchronized void setEncodings(SetEncodings encodings) {
        encoder = raw;
        for (int e : encodings.encodings()) {
            if (e == Encodings.ZRLE) {
                encoder = zrle;
                break;
            }
            if (e == Encodings.RAW) {
                break;
            }
        }
    }

    @Override
    public void updateRequest(FramebufferUpdateRequest request) {
        synchronized (this) {
            requested = true;
            if (!request.incremental()) {
                damage.clear();
                damage.add(new Rectangle(0, 0, DemoScene.WIDTH, DemoScene.HEIGHT));
            }
        }
        flush();
    }

    @Override
    public void keyEvent(KeyEvent event) {
        scene.key(event.keysym(), event.down());
    }

    @Override
    public void qemuKeyEvent(QemuKeyEvent event) {
        scene.key(event.keysym(), event.down());
    }

    @Override
    public void pointerEvent(PointerEvent event) {
        scene.pointer(event.x(), event.y(), event.buttonMask());
    }

    private void damaged(Rectangle r) {
        synchronized (this) {
            if (damage.size() >= MAX_PENDING_RECTS) {
                Rectangle all = damage.get(0);
                for (Rectangle d : damage) {
                    all = all.union(d);
                }
                damage.clear();
                damage.add(all);
            }
            damage.add(r);
        }
        flush();
    }

    private void flush() {
        byte[] message;
        synchronized (this) {
            if (closed || !requested || damage.isEmpty()) {
                return;
            }
            ByteArray out = new ByteArray(64 * 1024);
            out.u8(0).padding(1).u16(damage.size());
            synchronized (scene.lock()) {
                for (Rectangle r : damage) {
                    encoder.writeRect(out, r.x, r.y, r.width, r.height, scene.pixels(), DemoScene.WIDTH, packer);
                }
            }
            damage.clear();
            requested = false;
            message = out.toByteArray();
        }
        viewer.send(message);
    }

    @Override
    public void close() {
        closed = true;
        scene.removeListener(damageListener);
    }
}
