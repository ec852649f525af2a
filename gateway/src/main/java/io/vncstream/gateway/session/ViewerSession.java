package io.vncstream.gateway.session;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.MessageWriter;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
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
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;
import io.vncstream.rfb.server.ServerHandshake;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.DeviceNotice;
import io.vncstream.rfb.stream.StreamMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One viewer connected to the gateway: our handshake with it, then its messages go to the
 * desktop (relayed upstream, or the demo) except the stream extension's, which are answered
 * here. Device notices and capture messages are queued between the desktop's messages, so
 * they always fall on message boundaries.
 */
public final class ViewerSession implements Runnable, RfbServerHandler, DeviceRegistry.Listener, MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerSession.class);
    /** The desktop waits (the relay stops reading upstream) while this much is queued for the viewer. */
    private static final long DESKTOP_BACKPRESSURE = 32L * 1024 * 1024;

    private final Transport transport;
    private final SessionSettings settings;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SessionCaptures captures;
    private volatile MessageWriter writer;
    private final InjectionGate gate = new InjectionGate(this::sendNow);
    private volatile DesktopConnection desktop;
    private volatile boolean streams;

    public ViewerSession(Transport transport, SessionSettings settings) {
        this.transport = transport;
        this.settings = settings;
        this.name = transport.toString();
        this.captures = new SessionCaptures(name, settings.registry(), new SessionCaptures.ViewerOutput() {
            @Override
            public void send(StreamMessage message) {
                gate.inject(message.toBytes());
            }

            @Override
            public void deviceOutputQueued() {
                checkBehind();
            }
        });
    }

    @Override
    public void run() {
        LOG.info("viewer {} connected", name);
        String reason = "closed by viewer";
        try {
            RfbInput in = RfbInput.of(transport.input());
            OutputStream out = transport.output();
            ServerHandshake handshake = new ServerHandshake(in, out, settings.security());
            transport.setReadTimeout(java.time.Duration.ofSeconds(30));
            handshake.run();
            transport.setReadTimeout(java.time.Duration.ZERO);
            desktop = settings.desktop().open(this, handshake.shared());
            ServerInit init = desktop.serverInit();
            ByteArray b = new ByteArray(64);
            init.write(b);
            out.write(b.toByteArray());
            out.flush();
            writer = new MessageWriter(out, "gateway-writer " + name, e -> close("write failed: " + e.getMessage()));
            desktop.start();
            ClientMessageReader reader = new ClientMessageReader(in, this);
            while (!closed.get()) {
                reader.readMessage();
            }
        } catch (java.io.EOFException e) {
            // The viewer hung up: the reason stays "closed by viewer".
        } catch (IOException | RuntimeException e) {
            reason = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            // A no-op when something else closed the session first (and so gave the reason).
            close(reason);
        }
    }

    @Override
    public void setPixelFormat(PixelFormat format) throws IOException {
        desktop.setPixelFormat(format);
    }

    @Override
    public void setEncodings(SetEncodings encodings) throws IOException {
        if (encodings.contains(Encodings.STREAMS) && !streams) {
            streams = true;
            settings.registry().listen(this, this::announceDevices);
        }
        desktop.setEncodings(encodings);
    }

    @Override
    public void updateRequest(FramebufferUpdateRequest request) throws IOException {
        desktop.updateRequest(request);
    }

    @Override
    public void keyEvent(KeyEvent event) throws IOException {
        desktop.keyEvent(event);
    }

    @Override
    public void qemuKeyEvent(QemuKeyEvent event) throws IOException {
        desktop.qemuKeyEvent(event);
    }

    @Override
    public void pointerEvent(PointerEvent event) throws IOException {
        desktop.pointerEvent(event);
    }

    @Override
    public void clientCutText(String text) throws IOException {
        desktop.clientCutText(text);
    }

    // Extension messages the gateway does not own go to the desktop (relayed upstream unchanged).
    @Override
    public void setDesktopSize(SetDesktopSize request) throws IOException {
        desktop.setDesktopSize(request);
    }

    @Override
    public void extendedClipboard(ExtendedClipboard message) throws IOException {
        desktop.extendedClipboard(message);
    }

    @Override
    public void fence(Fence fence) throws IOException {
        desktop.fence(fence);
    }

    @Override
    public void enableContinuousUpdates(EnableContinuousUpdates request) throws IOException {
        desktop.enableContinuousUpdates(request);
    }

    @Override
    public void xvp(XvpMessage message) throws IOException {
        desktop.xvp(message);
    }

    @Override
    public void qemuAudio(QemuAudioRequest request) throws IOException {
        desktop.qemuAudio(request);
    }

    @Override
    public void streamMessage(StreamMessage message) {
        captures.handle(message);
    }

    @Override
    public void added(Device device) {
        gate.inject(new DeviceNotice(true, device.name()).toUpdateMessage());
    }

    @Override
    public void removed(Device device) {
        gate.inject(new DeviceNotice(false, device.name()).toUpdateMessage());
    }

    private void announceDevices(List<Device> devices) {
        if (devices.isEmpty()) {
            return;
        }
        ByteArray update = new ByteArray(64 * devices.size());
        update.u8(0).padding(1).u16(devices.size());
        for (Device d : devices) {
            new DeviceNotice(true, d.name()).write(update);
        }
        gate.inject(update.toByteArray());
    }

    /** A desktop message: the desktop waits while the viewer is far behind, so memory stays bounded. */
    @Override
    public void send(byte[] message) {
        send(message, false);
    }

    @Override
    public void send(byte[] message, boolean fencesNext) {
        MessageWriter w = writer;
        while (w != null && !closed.get() && w.queuedBytes() > DESKTOP_BACKPRESSURE) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        gate.desktop(message, fencesNext);
    }

    private void sendNow(byte[] message) {
        MessageWriter w = writer;
        if (w != null) {
            w.send(message);
        }
    }

    /** Never stall a device for one viewer: one that falls too far behind is cut off instead. */
    private void checkBehind() {
        MessageWriter w = writer;
        if (w != null && w.queuedBytes() + gate.heldBytes() > settings.maxBehindBytes()) {
            close("fell more than " + settings.maxBehindBytes() / 1024 + " KiB behind the device output");
        }
    }

    @Override
    public void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        settings.registry().unlisten(this);
        captures.closeAll();
        DesktopConnection d = desktop;
        if (d != null) {
            d.close();
        }
        MessageWriter w = writer;
        if (w != null) {
            w.close();
        }
        transport.close();
        LOG.info("viewer {} disconnected: {}", name, reason);
        settings.onClosed().accept(this);
    }
}
