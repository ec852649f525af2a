package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.decode.Decoder;
import io.vncstream.rfb.decode.Decoders;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.QemuAudioData;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetColourMapEntries;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.pseudo.DesktopName;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Finds the boundaries of server messages without decoding pixels: phase one of each decoder
 * consumes a rectangle's bytes, and the whole message is recorded. This is what lets a relay
 * forward a server's messages intact and put its own between them.
 *
 * <p>The pixel format in force matters for framing. A client that sends SetPixelFormat right
 * after a Fence request with SyncNext (as TigerVNC's viewer does while continuous updates
 * flow) has the server switch formats exactly at its answer to that fence, so the framer
 * follows the client's fence requests and switches there; otherwise at the next update.
 */
public final class ServerMessageFramer {
    private final RfbInput in;
    private final DecodeContext ctx;
    private final Decoders decoders = new Decoders();
    private final ByteArray message = new ByteArray(64 * 1024);
    private volatile PixelFormat pendingFormat;
    /** The client's fence requests not yet answered, in order; each holds the format that applies at its answer, if any. */
    private final ArrayDeque<FenceSlot> fences = new ArrayDeque<>();
    private Fence lastFence;
    private volatile int width;
    private volatile int height;
    private java.util.function.Consumer<RectHeader> rectListener = rect -> { };

    public ServerMessageFramer(RfbInput in, ServerInit init) {
        this.in = in;
        this.ctx = new DecodeContext(init.format());
        this.width = init.width();
        this.height = init.height();
    }

    /**
     * The client asked for a new pixel format. A well-behaved client does so only when no
     * update is in flight, so the format applies from the next FramebufferUpdate on.
     */
    public void pixelFormatRequested(PixelFormat format) {
        pendingFormat = format;
    }

    /** Most client fence requests the server may leave unanswered (TigerVNC's viewer has one or two out). */
    public static final int MAX_OUTSTANDING_FENCES = 256;

    private static final class FenceSlot {
        PixelFormat format;
    }

    /** The client sent a fence request upstream: the server's next unanswered response answers it. */
    public void fenceRequested() throws RfbProtocolException {
        synchronized (fences) {
            if (fences.size() >= MAX_OUTSTANDING_FENCES) {
                throw new RfbProtocolException("more than " + MAX_OUTSTANDING_FENCES + " fence requests unanswered");
            }
            fences.addLast(new FenceSlot());
        }
    }

    /**
     * The client asked for a new pixel format right after its last fence request (with
     * SyncNext): the format applies from the server's answer to that fence on.
     */
    public void pixelFormatAtFenceAnswer(PixelFormat format) {
        synchronized (fences) {
            FenceSlot last = fences.peekLast();
            if (last == null) {
                pendingFormat = format;
            } else {
                last.format = format;
            }
        }
    }

    /** Told of every rectangle header framed, pseudo-encodings included (a proxy counting pixels). */
    public void onRect(java.util.function.Consumer<RectHeader> listener) {
        this.rectListener = listener;
    }

    /** The framebuffer's width as the client knows it: ServerInit's, or the last desktop size change framed. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The last message framed, when it was a Fence (a relay keeps what it fences next to it); else null. */
    public Fence lastFence() {
        return lastFence;
    }

    /** Reads one complete message and returns its exact bytes. */
    public byte[] next() throws IOException {
        message.clear();
        lastFence = null;
        in.startRecording(message);
        try {
            int type = in.readU8();
            switch (type) {
                case ServerMessage.FRAMEBUFFER_UPDATE -> frameUpdate();
                case ServerMessage.SET_COLOUR_MAP_ENTRIES -> SetColourMapEntries.read(in);
                case ServerMessage.BELL -> { }
                case ServerMessage.SERVER_CUT_TEXT -> {
                    in.skip(3);
                    int length = in.readS32();
                    if (length < 0) {
                        ExtendedClipboard.skipBody(in, length, "ServerCutText");
                    } else {
                        in.skip(RfbProtocolException.checkLength("ServerCutText length", length, Limits.MAX_CUT_TEXT));
                    }
                }
                case ServerMessage.END_OF_CONTINUOUS_UPDATES -> { }
                case ServerMessage.FENCE -> fence(Fence.read(in));
                case ServerMessage.XVP -> in.skip(3);
                case ServerMessage.QEMU -> {
                    int subtype = in.readU8();
                    if (subtype != QemuAudioData.SUBTYPE) {
                        throw new RfbProtocolException("upstream sent message 255 (QEMU) with sub-type " + subtype
                                + ", which the gateway cannot relay");
                    }
                    QemuAudioData.read(in);
                }
                default -> throw new RfbProtocolException("upstream sent message type " + type
                        + ", which the gateway cannot relay");
            }
        } finally {
            in.stopRecording();
        }
        return message.toByteArray();
    }

    private void fence(Fence fence) {
        lastFence = fence;
        if (fence.isRequest()) {
            return;
        }
        synchronized (fences) {
            FenceSlot answered = fences.pollFirst();
            if (answered != null && answered.format != null) {
                ctx.setFormat(answered.format);
            }
        }
    }

    private void frameUpdate() throws IOException {
        PixelFormat next = pendingFormat;
        if (next != null) {
            ctx.setFormat(next);
            pendingFormat = null;
        }
        in.skip(1);
        int count = in.readU16();
        for (int i = 0; i < count; i++) {
            RectHeader rect = RectHeader.read(in);
            rectListener.accept(rect);
            switch (rect.encoding()) {
                case Encodings.LAST_RECT -> {
                    return;
                }
                case Encodings.DESKTOP_SIZE -> resized(rect);
                case Encodings.EXTENDED_DESKTOP_SIZE -> {
                    ScreenLayout.read(in);
                    if (rect.y() == 0) {
                        resized(rect);
                    }
                }
                case Encodings.CURSOR -> in.skip(RemoteCursor.encodedLength(rect, ctx.format().bytesPerPixel()));
                case Encodings.DESKTOP_NAME -> DesktopName.read(in);
                case Encodings.EXTENDED_KEY_EVENT, Encodings.QEMU_POINTER_MOTION_CHANGE, Encodings.QEMU_AUDIO -> { }
                case Encodings.LED_STATE -> in.skip(1);
                case Encodings.VMWARE_LED_STATE -> in.skip(4);
                case Encodings.CURSOR_WITH_ALPHA -> cursorWithAlpha(rect);
                default -> frameRect(rect);
            }
        }
    }

    /** The payload is an encoding and the RGBA pixels in it: servers (Xvnc, QEMU) use Raw, the only one framed. */
    private void cursorWithAlpha(RectHeader rect) throws IOException {
        if (rect.width() > Limits.MAX_CURSOR_SIDE || rect.height() > Limits.MAX_CURSOR_SIDE) {
            throw new RfbProtocolException(rect.describe() + " exceeds limit " + Limits.MAX_CURSOR_SIDE + " per side");
        }
        int encoding = in.readS32();
        if (encoding != Encodings.RAW) {
            throw new RfbProtocolException("upstream sent " + rect.describe() + " in " + Encodings.name(encoding)
                    + ", which the gateway cannot frame");
        }
        in.skip(rect.width() * rect.height() * 4);
    }

    private void resized(RectHeader rect) throws RfbProtocolException {
        ServerInit.checkSize(Encodings.name(rect.encoding()), rect.width(), rect.height());
        width = rect.width();
        height = rect.height();
    }

    private void frameRect(RectHeader rect) throws IOException {
        Decoder decoder = decoders.get(rect.encoding());
        if (decoder == null) {
            throw new RfbProtocolException("upstream sent " + rect.describe() + ", an encoding the gateway cannot frame");
        }
        if ((long) rect.x() + rect.width() > width || (long) rect.y() + rect.height() > height) {
            throw new RfbProtocolException("upstream sent " + rect.describe() + " outside its " + width + "x" + height
                    + " framebuffer");
        }
        decoder.readRect(rect, in, ctx);
    }

    /** Whether the relay can frame an encoding or pseudo-encoding (others are not forwarded upstream). */
    public static boolean canFrame(int encoding) {
        if (Decoders.isSupported(encoding)) {
            return true;
        }
        return switch (encoding) {
            case Encodings.LAST_RECT, Encodings.DESKTOP_SIZE, Encodings.EXTENDED_DESKTOP_SIZE, Encodings.CURSOR,
                    Encodings.DESKTOP_NAME, Encodings.EXTENDED_KEY_EVENT, Encodings.EXTENDED_CLIPBOARD, Encodings.FENCE,
                    Encodings.CONTINUOUS_UPDATES, Encodings.LED_STATE, Encodings.VMWARE_LED_STATE, Encodings.XVP,
                    Encodings.QEMU_POINTER_MOTION_CHANGE, Encodings.QEMU_AUDIO, Encodings.CURSOR_WITH_ALPHA -> true;
            default -> Encodings.isJpegQuality(encoding) || Encodings.isCompressLevel(encoding);
        };
    }
}
