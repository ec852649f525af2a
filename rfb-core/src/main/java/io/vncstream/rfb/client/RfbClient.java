package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.clipboard.ClipboardSync;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.MessageWriter;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.message.ClientCutText;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One connection to a VNC server. {@link #connect} completes the handshake; {@link #start}
 * asks for pixels and starts the reader thread, which owns the input. Sending never blocks:
 * messages go through a writer thread.
 */
public final class RfbClient implements AutoCloseable {
    private final Transport transport;
    private final RfbInput in;
    private final ServerInit init;
    private final ProtocolVersion version;
    private final ConnectionSecurity security;
    private final ClientConfig config;
    private final Framebuffer framebuffer;
    private final DecodeContext ctx;
    private final RfbClientHandler handler;
    private final MessageWriter writer;
    private final ServerMessageReader reader;
    private final ClipboardSync clipboard;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean autoRequest = true;
    private final ServerFeatures features;
    private final UpdateFlow flow;

    private RfbClient(Transport transport, RfbInput in, ClientHandshake handshake, ServerInit init,
                      ClientConfig config, RfbClientHandler handler) {
        this.transport = transport;
        this.in = in;
        this.init = init;
        this.version = handshake.version();
        this.security = handshake.security();
        this.config = config;
        this.features = new ServerFeatures(handler);
        this.handler = new Tracking(features);
        this.clipboard = new ClipboardSync(new ClipboardSync.Peer() {
            @Override
            public void send(ExtendedClipboard message) {
                writer.send(message.toBytes(ClientMessage.CLIENT_CUT_TEXT));
            }

            @Override
            public void sendLegacy(String latin1) {
                RfbClient.this.send(new ClientCutText(latin1));
            }
        }, handler::serverCutText, handler::clipboardProblem);
        this.framebuffer = new Framebuffer(init.width(), init.height());
        this.ctx = new DecodeContext(init.format());
        this.writer = new MessageWriter(transport.output(), "rfb-writer " + transport, this::writeFailed);
        this.reader = new ServerMessageReader(in, ctx, framebuffer, this.handler);
        this.flow = new UpdateFlow(this::send, ctx, framebuffer, () -> autoRequest,
                config.encodings().contains(Encodings.CONTINUOUS_UPDATES));
    }

    /** Connects and completes the handshake; nothing is read after ServerInit until {@link #start}. */
    public static RfbClient connect(ServerAddress address, ClientConfig config, RfbClientHandler handler) throws IOException {
        Transport transport = address.isUnix()
                ? Transport.unix(Path.of(address.unixPath()))
                : Transport.tcp(address.host(), address.port(), config.connectTimeout());
        return connect(transport, config, handler, new ClientHandshake(transport, config, address));
    }

    /**
     * Completes the handshake over an already connected transport (a tunnel, say); {@code host}
     * and {@code port} are what a TLS certificate must name (host null: do not check a name).
     */
    public static RfbClient connect(Transport transport, String serverName, String host, int port, ClientConfig config,
                                    RfbClientHandler handler) throws IOException {
        return connect(transport, config, handler, new ClientHandshake(transport, config, serverName, host, port));
    }

    /**
     * Completes the handshake over an already connected transport; a TLS certificate must name
     * the host of {@code serverName} when it is an address ("host::port"), else no name is checked.
     */
    public static RfbClient connect(Transport transport, String serverName, ClientConfig config,
                                    RfbClientHandler handler) throws IOException {
        ServerAddress address = null;
        try {
            address = ServerAddress.parse(serverName);
        } catch (IllegalArgumentException notAnAddress) {
            // a description, not an address: nothing to check a certificate's names against
        }
        if (address == null || address.isUnix()) {
            return connect(transport, serverName, null, 0, config, handler);
        }
        return connect(transport, serverName, address.host(), address.port(), config, handler);
    }

    private static RfbClient connect(Transport transport, ClientConfig config, RfbClientHandler handler,
                                     ClientHandshake handshake) throws IOException {
        try {
            transport.setReadTimeout(config.connectTimeout());
            ServerInit init = handshake.run();
            transport.setReadTimeout(Duration.ZERO);
            try {
                return new RfbClient(handshake.transport(), handshake.input(), handshake, init, config, handler);
            } catch (OutOfMemoryError e) {
                throw OutOfMemory.framebuffer("ServerInit", init.width(), init.height());
            }
        } catch (java.net.SocketTimeoutException e) {
            handshake.transport().close();
            throw new java.net.SocketTimeoutException(handshake.timeoutMessage());
        } catch (IOException | RuntimeException e) {
            handshake.transport().close();
            throw e;
        }
    }

    /**
     * Sends the pixel format and encodings, asks for the whole screen, and starts reading.
     * The pixel format switches at once: no update can be in flight before the first request.
     */
    public void start() {
        PixelFormat wanted = config.pixelFormat();
        if (wanted != null && !wanted.equals(init.format())) {
            send(new SetPixelFormat(wanted));
            ctx.setFormat(wanted);
        }
        send(new SetEncodings(config.encodings()));
        requestUpdate(false);
        Thread t = new Thread(this::readLoop, "rfb-reader " + transport);
        t.setDaemon(true);
        t.start();
    }

    /** Whether the reader asks for the next incremental update after each one (on by default). */
    public void setAutoRequest(boolean on) {
        autoRequest = on;
    }

    public ServerInit serverInit() {
        return init;
    }

    /** How the connection is protected: TLS protocol, cipher suite, how the server was verified. */
    public ConnectionSecurity security() {
        return security;
    }

    public ProtocolVersion protocolVersion() {
        return version;
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    /** The pixel format pixels currently arrive in. */
    public PixelFormat pixelFormat() {
        return ctx.format();
    }

    public List<Integer> encodings() {
        return config.encodings();
    }

    public Map<Integer, LongAdder> rectsByEncoding() {
        return reader.rectsByEncoding();
    }

    public long bytesReceived() {
        return in.position();
    }

    public long bytesSent() {
        return writer.bytesWritten();
    }

    public long updatesReceived() {
        return features.updates();
    }

    public boolean supportsExtendedKeys() {
        return features.extendedKeys();
    }

    /** FramebufferUpdateRequests sent so far (none while continuous updates flow). */
    public long requestsSent() {
        return flow.requestsSent();
    }

    /** Whether the server offers XVP power control (it answered our -309 with XVP init). */
    public boolean supportsPowerControl() {
        return features.powerControl();
    }

    /** Asks the server to shut down, reboot or reset the machine ({@link XvpMessage} codes); false if it offers no XVP. */
    public boolean sendPowerAction(int code) {
        XvpMessage action = features.powerAction(code);
        if (action == null) {
            return false;
        }
        send(action);
        return true;
    }

    /** Whether the server offers QEMU audio (it acknowledged our -259). */
    public boolean supportsAudio() {
        return features.audio();
    }

    /**
     * Starts QEMU's audio stream in this sample format ({@link QemuAudioRequest}'s codes),
     * channels (1 or 2) and rate (QEMU takes up to 48000 Hz), or stops it; samples then arrive
     * as {@link RfbClientHandler#qemuAudio}. False (nothing sent) when the server offers none.
     */
    public boolean setAudio(boolean on, int format, int channels, long frequency) {
        List<QemuAudioRequest> requests = features.audioRequests(on, format, channels, frequency);
        if (requests == null) {
            return false;
        }
        requests.forEach(this::send);
        return true;
    }

    /** Whether continuous updates are on (see {@link UpdateFlow}). */
    public boolean continuousUpdates() {
        return flow.continuous();
    }

    public void requestUpdate(boolean incremental) {
        flow.request(incremental);
    }

    /** A key by keysym, with its XT scancode when known (0: unknown) and the server takes QEMU key events. */
    public void sendKey(boolean down, int keysym, int scancode) {
        if (features.extendedKeys() && scancode != 0) {
            send(new QemuKeyEvent(down, keysym, scancode));
        } else {
            send(new KeyEvent(down, keysym));
        }
    }

    /**
     * Switches the pixel format while updates may be in flight, as TigerVNC's viewer does: with
     * a server that takes fences, at the server's answer to a SyncNext fence sent just before
     * SetPixelFormat (the server switches exactly there); without, from the next update, which is
     * right only when none is in flight.
     */
    public void setPixelFormat(PixelFormat format) {
        flow.setPixelFormat(format);
    }

    /** Whether the server has said it takes SetDesktopSize (by sending an ExtendedDesktopSize rectangle). */
    public boolean supportsRemoteResize() {
        return features.remoteResize();
    }

    /**
     * Asks the server to resize its desktop to one screen of this size, keeping the id and
     * flags of its first screen as TigerVNC's viewer does; the answer arrives as
     * {@link RfbClientHandler#extendedDesktopSize} with reason 1. Returns false (and sends
     * nothing) when the server has not offered remote resize.
     */
    public boolean requestDesktopSize(int width, int height) {
        SetDesktopSize request = features.desktopSize(width, height);
        if (request == null) {
            return false;
        }
        send(request);
        return true;
    }

    public void sendPointer(int buttonMask, int x, int y) {
        send(new PointerEvent(buttonMask, x, y));
    }

    /**
     * The local clipboard's text: UTF-8 through the extended clipboard once the server has sent
     * its caps (announced, then sent when asked for), else Latin-1 cut text. Returns false, and
     * sends nothing, when the server cannot take it ({@link #clipboardProblem} says why).
     */
    public boolean sendCutText(String text) {
        return clipboard.localChanged(text);
    }

    /** Why this text cannot go to the server's clipboard, or null when it can. */
    public String clipboardProblem(String text) {
        return clipboard.problem(text);
    }

    /** Whether the server speaks the extended clipboard (UTF-8). */
    public boolean extendedClipboard() {
        return clipboard.extended();
    }

    public void send(ClientMessage message) {
        writer.send(message.toBytes());
    }

    public void send(StreamMessage message) {
        writer.send(message.toBytes());
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        shutdown(null);
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                int type = reader.readMessage();
                if (type == io.vncstream.rfb.message.ServerMessage.FRAMEBUFFER_UPDATE
                        && reader.lastUpdateAnsweredRequest()) {
                    flow.updateRead();
                }
            }
        } catch (Exception e) {
            shutdown(e);
        } catch (OutOfMemoryError e) {
            // The allocation that failed is garbage now: there is heap left to say so and close.
            shutdown(OutOfMemory.during("reading the server's updates"));
        } catch (Error e) {
            // Whatever kills this thread ends the connection now, not after the caller's timeout.
            shutdown(new IOException("the connection's reader failed: " + e, e));
        }
    }

    private void writeFailed(IOException e) {
        shutdown(e);
    }

    private void shutdown(Exception cause) {
        if (closed.compareAndSet(false, true)) {
            writer.closeAfterFlush(cause == null ? 500 : 0);
            transport.close();
            handler.disconnected(cause);
        }
    }

    /** Keeps updates and the clipboard flowing; the application's handler sees every event. */
    private final class Tracking extends ForwardingHandler {
        Tracking(RfbClientHandler delegate) {
            super(delegate);
        }

        /** The server's clipboard, legacy or extended, reaches the application through the clipboard's state. */
        @Override
        public void serverCutText(String text) {
            clipboard.legacyReceived(text);
        }

        @Override
        public void extendedClipboard(ExtendedClipboard message) {
            clipboard.received(message);
            super.extendedClipboard(message);
        }

        @Override
        public void endOfContinuousUpdates() {
            flow.endOfContinuousUpdates();
            super.endOfContinuousUpdates();
        }

        @Override
        public void desktopResized(int width, int height) {
            flow.desktopResized(width, height);
            super.desktopResized(width, height);
        }

        @Override
        public void fence(Fence fence) {
            flow.fence(fence);
            super.fence(fence);
        }
    }
}
