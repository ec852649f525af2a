package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.decode.DecodePipeline;
import io.vncstream.rfb.decode.Decoder;
import io.vncstream.rfb.decode.Decoders;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pseudo.AlphaCursor;
import io.vncstream.rfb.pseudo.DesktopName;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;
import io.vncstream.rfb.stream.DeviceNotice;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads one FramebufferUpdate: pseudo-encodings are handled here, before any decoder is looked
 * up; real rectangles are checked against the framebuffer, their bytes read (phase one) and
 * then decoded into it (phase two).
 */
final class UpdateReader {
    private final RfbInput in;
    private final DecodeContext ctx;
    private final Framebuffer fb;
    private final RfbClientHandler handler;
    private final Decoders decoders = new Decoders();
    private final ByteArray encoded = new ByteArray(64 * 1024);
    /** Painting on a second core while this thread reads and inflates, or null: then each rectangle is decoded as it is read. */
    private final DecodePipeline pipeline;
    private final Map<Integer, LongAdder> rectsByEncoding = new ConcurrentHashMap<>();

    /** Reader thread only: the rectangle being read (index from 0, null while its header is), for {@link #progress}. */
    private int rectIndex = -1;
    private int rectCount;
    private RectHeader current;

    UpdateReader(RfbInput in, DecodeContext ctx, Framebuffer fb, RfbClientHandler handler) {
        this.in = in;
        this.ctx = ctx;
        this.fb = fb;
        this.handler = handler;
        this.pipeline = DecodePipeline.useful() ? new DecodePipeline(ctx, fb) : null;
    }

    /**
     * Where the update being read has got to, for an error: "rectangle 3 of 12 of a
     * FramebufferUpdate (ZRLE rectangle 64x64 at (0,0))", that rectangle's header, or the
     * update's own header.
     */
    String progress() {
        if (rectIndex < 0) {
            return "a FramebufferUpdate's header";
        }
        String of = "rectangle " + (rectIndex + 1) + " of " + rectCount + " of a FramebufferUpdate";
        return current == null ? "the header of " + of : of + " (" + current.describe() + ")";
    }

    /** Rectangles received so far by encoding: the connection-info window shows them. */
    Map<Integer, LongAdder> rectsByEncoding() {
        return rectsByEncoding;
    }

    /** Reads the update after its type byte; returns false when it held only stream device notices. */
    boolean read() throws IOException {
        rectIndex = -1;
        in.skip(1);
        int count = in.readU16();
        rectCount = count;
        boolean sawNotice = false;
        boolean sawOther = false;
        try {
            for (int i = 0; i < count; i++) {
                rectIndex = i;
                current = null;
                RectHeader rect = RectHeader.read(in);
                current = rect;
                if (rect.encoding() == Encodings.LAST_RECT) {
                    break;
                }
                if (DeviceNotice.isNotice(rect)) {
                    sawNotice = true;
                } else {
                    sawOther = true;
                }
                rectsByEncoding.computeIfAbsent(rect.encoding(), e -> new LongAdder()).increment();
                readRect(rect);
            }
            flush();
        } catch (IOException e) {
            throw earlierFailure(e);
        } finally {
            if (pipeline != null) {
                // Anything left is left by a failure: the connection ends with it.
                pipeline.discard();
            }
        }
        return !sawNotice || sawOther;
    }

    /**
     * What the update failed with: a rectangle the painter had still to paint may have failed
     * before the one the reader stopped at, and the error is the first rectangle's, as when
     * each is decoded as it is read.
     */
    private IOException earlierFailure(IOException e) {
        if (pipeline == null) {
            return e;
        }
        try {
            pipeline.drain(); // lets the rectangle being painted finish or fail
        } catch (IOException ignored) {
            // The painter's failure is looked at below; an interrupt leaves e as it is.
        }
        IOException earlier = pipeline.failure();
        if (earlier == null || earlier == e) {
            return e;
        }
        earlier.addSuppressed(e);
        return earlier;
    }

    private void readRect(RectHeader rect) throws IOException {
        switch (rect.encoding()) {
            case Encodings.DESKTOP_SIZE -> resize(rect);
            case Encodings.EXTENDED_DESKTOP_SIZE -> {
                flush();
                ScreenLayout layout = ScreenLayout.read(in);
                handler.extendedDesktopSize(rect.x(), rect.y(), rect.width(), rect.height(), layout);
                // A non-zero status answers a resize request of ours that failed: no size change.
                if (rect.y() == 0) {
                    resize(rect);
                }
            }
            case Encodings.CURSOR -> handler.cursorChanged(RemoteCursor.read(rect, in, ctx.converter()));
            case Encodings.DESKTOP_NAME -> handler.desktopNameChanged(DesktopName.read(in));
            case Encodings.EXTENDED_KEY_EVENT -> handler.extendedKeyEventSupported();
            case Encodings.QEMU_POINTER_MOTION_CHANGE -> handler.pointerMotionChanged(rect.x() != 0);
            case Encodings.QEMU_AUDIO -> handler.audioSupported();
            case Encodings.LED_STATE -> handler.ledState(in.readU8());
            // VMware's extension happens to use the same bits (TigerVNC's CMsgReader says so too).
            case Encodings.VMWARE_LED_STATE -> handler.ledState(in.readS32() & 7);
            case Encodings.CURSOR_WITH_ALPHA -> handler.cursorChanged(AlphaCursor.read(rect, in));
            case Encodings.STREAMS -> {
                if (!DeviceNotice.isNotice(rect)) {
                    throw new RfbProtocolException(rect.describe()
                            + ": a TightPNG rectangle (encoding -260 with an area), which this client never asks for");
                }
                handler.deviceNotice(DeviceNotice.read(rect, in));
            }
            default -> decode(rect);
        }
    }

    /** Paints the rectangles read so far (before a resize, at the end of the update). */
    private void flush() throws IOException {
        if (pipeline != null) {
            pipeline.drain();
        }
    }

    private void resize(RectHeader rect) throws IOException {
        flush();
        ServerInit.checkSize(Encodings.name(rect.encoding()), rect.width(), rect.height());
        try {
            fb.resize(rect.width(), rect.height());
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.framebuffer(Encodings.name(rect.encoding()), rect.width(), rect.height());
        }
        handler.desktopResized(rect.width(), rect.height());
    }

    private void decode(RectHeader rect) throws IOException {
        Decoder decoder = decoders.get(rect.encoding());
        if (decoder == null) {
            throw new RfbProtocolException("FramebufferUpdate: rectangle " + rect.width() + "x" + rect.height()
                    + " at (" + rect.x() + "," + rect.y() + ") has unknown encoding " + rect.encoding());
        }
        if (!fb.contains(rect.x(), rect.y(), rect.width(), rect.height())) {
            throw new RfbProtocolException(rect.describe() + " lies outside the " + fb.width() + "x" + fb.height()
                    + " framebuffer");
        }
        if (pipeline != null) {
            if (decoder.paintsAhead(rect, ctx)) {
                ByteArray bytes = pipeline.buffer();
                decoder.readAhead(rect, in, ctx, bytes);
                pipeline.submit(rect, bytes);
                return;
            }
            // Decoded here, once every rectangle before it is painted.
            flush();
        }
        if (decoder.decodesFromStream()) {
            decoder.decodeRect(rect, in, ctx, fb);
            return;
        }
        encoded.clear();
        in.startRecording(encoded);
        try {
            decoder.readRect(rect, in, ctx);
        } finally {
            in.stopRecording();
        }
        RfbInput bytes = RfbInput.wrap(encoded.array(), encoded.size());
        try {
            decoder.decodeRect(rect, bytes, ctx, fb);
        } catch (java.io.EOFException e) {
            throw new RfbProtocolException(rect.describe() + ": encoded data ends early (" + e.getMessage() + ")");
        }
    }
}
