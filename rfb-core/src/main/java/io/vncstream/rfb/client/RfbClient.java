package io.vncstream.rfb.client;

import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.MessageWriter;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.message.ClientCutText;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
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
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean autoRequest = true;
    private volatile boolean extendedKeys;
    private final LongAdder updates = new LongAdder();

    private RfbClient(Transport transport, RfbInput in, ClientHandshake handshake, ServerInit init,
                      ClientConfig config, RfbClientHandler handler) {
        this.transport = transport;
        this.in = in;
        this.init = init;
        this.version = handshake.version();
        this.security = handshake.security();
        this.config = config;
        this.handler = new Tracking(handler);
        this.framebuffer = new Framebuffer(init.width(), init.height());
        this.ctx = new DecodeContext(init.format());
        this.writer = new MessageWriter(transport.output(), "rfb-writer " + transport, this::writeFailed);
        this.reader = new ServerMessageReader(in, ctx, framebuffer, this.handler);
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
            return new RfbClient(handshake.transport(), handshake.input(), handshake, init, config, handler);
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
        return updates.sum();
    }

    public boolean supportsExtendedKeys() {
        return extendedKeys;
    }

    public void requestUpdate(boolean incremental) {
        send(new FramebufferUpdateRequest(incremental, 0, 0, framebuffer.width(), framebuffer.height()));
    }

    /** A key by keysym, with its XT scancode when known (0: unknown) and the server takes QEMU key events. */
    public void sendKey(boolean down, int keysym, int scancode) {
        if (extendedKeys && scancode != 0) {
            send(new QemuKeyEvent(down, keysym, scancode));
        } else {
            send(new KeyEvent(down, keysym));
        }
    }

    public void sendPointer(int buttonMask, int x, int y) {
        send(new PointerEvent(buttonMask, x, y));
    }

    public void sendCutText(String text) {
        send(new ClientCutText(text));
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
                        && reader.lastUpdateAnsweredRequest() && autoRequest) {
                    requestUpdate(true);
                }
            }
        } catch (Exception e) {
            shutdown(e);
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

    /** Counts updates and keeps incremental requests flowing; the application's handler sees every event. */
    private final class Tracking extends ForwardingHandler {
        Tracking(RfbClientHandler delegate) {
            super(delegate);
        }

        @Override
        public void updateCompleted() {
            updates.increment();
            super.updateCompleted();
        }

        @Override
        public void extendedKeyEventSupported() {
            extendedKeys = true;
            super.extendedKeyEventSupported();
        }
    }
}
