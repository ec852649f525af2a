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
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetColourMapEntries;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.pseudo.DesktopName;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;

import java.io.IOException;

/**
 * Finds the boundaries of server messages without decoding pixels: phase one of each decoder
 * consumes a rectangle's bytes, and the whole message is recorded. This is what lets a relay
 * forward a server's messages intact and put its own between them.
 */
public final class ServerMessageFramer {
    private final RfbInput in;
    private final DecodeContext ctx;
    private final Decoders decoders = new Decoders();
    private final ByteArray message = new ByteArray(64 * 1024);
    private volatile PixelFormat pendingFormat;
    private int width;
    private int height;

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

    /** Reads one complete message and returns its exact bytes. */
    public byte[] next() throws IOException {
        message.clear();
        in.startRecording(message);
        try {
            int type = in.readU8();
            switch (type) {
                case ServerMessage.FRAMEBUFFER_UPDATE -> frameUpdate();
                case ServerMessage.SET_COLOUR_MAP_ENTRIES -> SetColourMapEntries.read(in);
                case ServerMessage.BELL -> { }
                case ServerMessage.SERVER_CUT_TEXT -> {
                    in.skip(3);
                    in.skip(in.readLength("ServerCutText length", Limits.MAX_CUT_TEXT));
                }
                default -> throw new RfbProtocolException("upstream sent message type " + type
                        + ", which the gateway cannot relay");
            }
        } finally {
            in.stopRecording();
        }
        return message.toByteArray();
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
                case Encodings.EXTENDED_KEY_EVENT -> { }
                default -> frameRect(rect);
            }
        }
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
                    Encodings.DESKTOP_NAME, Encodings.EXTENDED_KEY_EVENT -> true;
            default -> Encodings.isJpegQuality(encoding) || Encodings.isCompressLevel(encoding);
        };
    }
}
