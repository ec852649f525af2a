package io.vncstream.gateway.session;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.log.LogText;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
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
import io.vncstream.rfb.security.AuthenticationException;
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
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
    /** After a wrong password the connection is held this long, still counting as unauthenticated. */
    private static final long AUTH_FAILURE_DELAY_MS = 1000;
    /** A message whose rest stops arriving for this long ends the connection (a viewer may idle between messages). */
    static final Duration MESSAGE_TIMEOUT = Duration.ofMillis(Long.getLong("vncstream.gateway.messageTimeoutMs", 30_000));

    private final Transport transport;
    private final SessionSettings settings;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean cuttingOff = new AtomicBoolean();
    private volatile SessionCaptures captures;
    private volatile ViewerWriter writer;
    private volatile DesktopConnection desktop;
    private volatile boolean streams;
    private volatile Consumer<Exception> handshakeDone = failure -> { };

    public ViewerSession(Transport transport, SessionSettings settings) {
        this.transport = transport;
        this.settings = settings;
        this.name = transport.toString();
    }

    /**
     * Told once the viewer's handshake is over: null when it authenticated, else why not (set
     * before this session's thread starts).
     */
    public void onHandshakeDone(Consumer<Exception> listener) {
        handshakeDone = listener;
    }

    @Override
    public void run() {
        LOG.info("viewer {} connected", name);
        String reason = "closed by viewer";
        try {
            // The desktop is opened once the viewer has authenticated and before it is told so:
            // an upstream server that refuses or is down is then a reason the viewer can show.
            ServerHandshake handshake = new ServerHandshake(RfbInput.of(transport.input()), transport.output(),
                    settings.security(), ServerHandshake.DEFAULT_DEADLINE, transport).admission(() -> {
                try {
                    DesktopConnection d = settings.desktop().open(this, true);
                    desktop = d;
                    if (closed.get()) {
                        d.close();
                    }
                    return null;
                } catch (IOException e) {
                    LOG.info("viewer {} refused: {}", name, LogText.clean(e.getMessage()));
                    return e.getMessage();
                }
            });
            transport.setReadTimeout(Duration.ofSeconds(30));
            try {
                handshake.run();
            } catch (IOException | RuntimeException e) {
                if (e instanceof AuthenticationException) {
                    // Held a while: with the cap on unauthenticated connections per address,
                    // this bounds how fast one address can guess.
                    pause(AUTH_FAILURE_DELAY_MS);
                }
                handshakeDone.accept(e);
                throw e;
            }
            handshakeDone.accept(null);
            if (handshake.encryption() != null) {
                LOG.info("viewer {} encrypted: {}", name, handshake.encryption());
            }
            // After VeNCrypt these are the TLS streams.
            RfbInput in = handshake.input();
            OutputStream out = handshake.output();
            transport.setReadTimeout(Duration.ZERO);
            if (!handshake.shared()) {
                // TigerVNC users ask for an exclusive session with -Shared=0; upstream that would
                // drop every other viewer's desktop, and through them their consoles.
                LOG.info("viewer {} asked for an exclusive session: the desktop stays shared with the other viewers", name);
            }
            ServerInit init = desktop.serverInit();
            ByteArray b = new ByteArray(64);
            init.write(b);
            out.write(b.toByteArray());
            out.flush();
            ViewerWriter w = new ViewerWriter(out, "gateway-writer " + name, e -> close("write failed: " + e.getMessage()));
            writer = w;
            captures = new SessionCaptures(name, settings.registry(), w, settings.captureLimits(), this::reply, this::cutOff);
            if (closed.get()) {
                w.close();
            }
            desktop.start();
            ClientMessageReader reader = new ClientMessageReader(in, this).deadline(new ClientMessageReader.MessageDeadline() {
                @Override
                public void started() throws IOException {
                    transport.setReadTimeout(MESSAGE_TIMEOUT);
                }

                @Override
                public void ended() throws IOException {
                    transport.setReadTimeout(Duration.ZERO);
                }
            });
            while (!closed.get()) {
                reader.readMessage();
            }
        } catch (java.io.EOFException e) {
            // The viewer hung up: the reason stays "closed by viewer".
        } catch (SocketTimeoutException e) {
            reason = writer == null ? e.getMessage() : "sent part of a message and then nothing for "
                    + MESSAGE_TIMEOUT.toSeconds() + " s";
        } catch (OutOfMemoryError e) {
            reason = "the gateway ran out of memory serving it";
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
        SessionCaptures c = captures;
        if (c != null) {
            c.handle(message);
        }
    }

    @Override
    public void added(Device device) {
        sendNow(new DeviceNotice(true, device.name()).toUpdateMessage());
    }

    @Override
    public void removed(Device device) {
        ViewerWriter w = writer;
        if (w != null) {
            w.sendAfterEnds(new DeviceNotice(false, device.name()).toUpdateMessage());
        }
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
        sendNow(update.toByteArray());
    }

    /**
     * A desktop message: the caller waits while the viewer is far behind, so memory stays
     * bounded (the relay stops reading upstream, the viewer's reader stops reading the viewer).
     */
    @Override
    public void send(byte[] message) {
        send(message, false);
    }

    /** As {@link #send(byte[])}; {@code fencesNext}: a Fence whose next desktop message nothing of ours may precede. */
    @Override
    public void send(byte[] message, boolean fencesNext) {
        ViewerWriter w = writer;
        if (w != null && awaitRoom(w)) {
            w.sendDesktop(message, fencesNext);
        }
    }

    /**
     * A reply to one of the viewer's capture messages: ours, so it keeps out of a Fence's way,
     * and paced as the desktop is, so a viewer that sends requests without reading the replies
     * stops being read.
     */
    private void reply(byte[] message) {
        ViewerWriter w = writer;
        if (w != null && awaitRoom(w)) {
            w.send(message);
        }
    }

    /** Waits while the viewer is far behind; false if interrupted. */
    private boolean awaitRoom(ViewerWriter w) {
        while (!closed.get() && w.queuedBytes() > DESKTOP_BACKPRESSURE) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void sendNow(byte[] message) {
        ViewerWriter w = writer;
        if (w != null) {
            w.send(message);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Never stall a device for one viewer: one whose capture fell too far behind a faster one, or
     * took nothing for the stall timeout while the device waited for it, is cut off. Told
     * on the device's reader thread, which must not wait for this session's close (it takes the
     * captures apart and closes the desktop): that runs on a thread of its own.
     */
    private void cutOff(String reason) {
        if (!closed.get() && cuttingOff.compareAndSet(false, true)) {
            Thread t = new Thread(() -> close(reason), "cut off " + name);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Shutdown, first step: what is queued for the viewer (the end captures and removal notices
     * of devices just removed) is written, without waiting here; then {@link #awaitFinished}
     * and {@link #close}.
     */
    public void finish() {
        ViewerWriter w = writer;
        if (w != null) {
            w.finish();
        }
    }

    public void awaitFinished(long deadlineNanos) {
        ViewerWriter w = writer;
        if (w != null) {
            w.awaitFinished(deadlineNanos);
        }
    }

    /** "viewer ADDRESS", as the log names it. */
    @Override
    public String toString() {
        return "viewer " + name;
    }

    @Override
    public void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        settings.registry().unlisten(this);
        SessionCaptures c = captures;
        if (c != null) {
            c.closeAll();
        }
        DesktopConnection d = desktop;
        if (d != null) {
            d.close();
        }
        ViewerWriter w = writer;
        if (w != null) {
            w.close();
        }
        transport.close();
        LOG.info("viewer {} disconnected: {}", name, LogText.clean(reason));
        settings.onClosed().accept(this);
    }
}
