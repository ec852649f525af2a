package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;

import java.io.IOException;

/**
 * Tight (7): per rectangle a fill colour, a JPEG image, or "basic" compression: copy, palette
 * or gradient filter over data that is sent plain when shorter than 12 bytes and otherwise
 * through one of four connection-long zlib streams, which the control byte may reset.
 */
public final class TightDecoder implements Decoder {
    static final int FILL = 8;
    static final int JPEG = 9;
    static final int PNG = 10;
    static final int FILTER_COPY = 0;
    static final int FILTER_PALETTE = 1;
    static final int FILTER_GRADIENT = 2;
    /** Below this many bytes basic data is sent without zlib. */
    static final int MIN_TO_COMPRESS = 12;

    private final ZlibStream[] streams;
    private final int[] palette = new int[256];
    /** Made at the first JPEG: the gateway only frames Tight and never loads a JPEG library. */
    private JpegDecoder jpeg;

    public TightDecoder() {
        streams = new ZlibStream[]{new ZlibStream(), new ZlibStream(), new ZlibStream(), new ZlibStream()};
    }

    private int[] pixels = new int[0];

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        consume(rect, in, ctx, in.readU8(), null);
    }

    /**
     * Consumes a rectangle after its control byte. Compressed basic data is skipped, or, given
     * {@code inflated}, inflated into it with recording stopped (see {@link #readAhead}).
     */
    private void consume(RectHeader rect, RfbInput in, DecodeContext ctx, int control, ByteArray inflated)
            throws IOException {
        int type = control >>> 4;
        int tpixel = ctx.format().tightPixelSize();
        if (type == FILL) {
            in.skip(tpixel);
            return;
        }
        if (type == JPEG) {
            in.skip(readJpegLength(rect, in));
            return;
        }
        checkBasic(rect, type);
        int filter = (control & 0x40) != 0 ? in.readU8() : FILTER_COPY;
        int colours = 0;
        if (filter == FILTER_PALETTE) {
            colours = in.readU8() + 1;
            in.skip(colours * tpixel);
        }
        int dataSize = dataSize(rect, filter, colours, tpixel);
        if (dataSize < MIN_TO_COMPRESS) {
            in.skip(dataSize);
            return;
        }
        if (inflated == null) {
            in.skip(readCompressedLength(rect, in, dataSize));
            return;
        }
        in.stopRecording();
        int length = readCompressedLength(rect, in, dataSize);
        long made = streams[type & 3].inflateAll(in, length, rect, inflated, dataSize);
        if (made < dataSize) {
            throw new RfbProtocolException(rect.describe() + ": zlib data holds " + made
                    + " bytes, the filter needs " + dataSize);
        }
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        paint(rect, in, ctx, fb, resetStreams(in.readU8()), false);
    }

    /** Applies a control byte's reset bits to the streams; returns it. */
    private int resetStreams(int control) {
        for (int i = 0; i < 4; i++) {
            if ((control & (1 << i)) != 0) {
                streams[i].reset();
            }
        }
        return control;
    }

    /**
     * Any rectangle small enough: a JPEG's data is at most 8 bytes a pixel and 64 KiB, basic
     * data at most 4 bytes a pixel (with a palette of 256 colours before it).
     */
    @Override
    public boolean paintsAhead(RectHeader rect, DecodeContext ctx) {
        return rect.area() * 8 + 64 * 1024 + 1024 <= DecodePipeline.MAX_ITEM;
    }

    /**
     * The rectangle as on the wire, except that basic data sent through zlib is there inflated,
     * without its compact length: {@link #paintAhead} reads it as if it had been sent plain.
     */
    @Override
    public void readAhead(RectHeader rect, RfbInput in, DecodeContext ctx, ByteArray out) throws IOException {
        in.startRecording(out);
        try {
            consume(rect, in, ctx, resetStreams(in.readU8()), out);
        } finally {
            if (in.recording()) {
                in.stopRecording();
            }
        }
    }

    @Override
    public void paintAhead(RectHeader rect, RfbInput prepared, DecodeContext ctx, Framebuffer fb) throws IOException {
        paint(rect, prepared, ctx, fb, prepared.readU8(), true);
    }

    /** Paints one rectangle after its control byte; {@code inflated}: basic data is there whole, uncompressed. */
    private void paint(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb, int control, boolean inflated)
            throws IOException {
        int type = control >>> 4;
        PixelConverter conv = ctx.converter();
        if (type == FILL) {
            fb.fillRect(rect.x(), rect.y(), rect.width(), rect.height(), WirePixels.readTight(in, conv));
        } else if (type == JPEG) {
            int length = readJpegLength(rect, in);
            in.ensure(length);
            if (jpeg == null) {
                jpeg = TightJpeg.open();
            }
            jpeg.paint(rect, in.array(), in.arrayOffset(), length, fb, () -> pixelBuffer(rect));
            in.skip(length);
        } else {
            checkBasic(rect, type);
            decodeBasic(rect, in, ctx, fb, control, inflated);
        }
        fb.damage(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private void decodeBasic(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb, int control,
                             boolean inflated) throws IOException {
        PixelConverter conv = ctx.converter();
        int tpixel = ctx.format().tightPixelSize();
        int filter = (control & 0x40) != 0 ? in.readU8() : FILTER_COPY;
        int colours = 0;
        if (filter == FILTER_PALETTE) {
            colours = in.readU8() + 1;
            for (int i = 0; i < colours; i++) {
                palette[i] = WirePixels.readTight(in, conv);
            }
        }
        int dataSize = dataSize(rect, filter, colours, tpixel);
        if (dataSize < MIN_TO_COMPRESS) {
            unfilter(RfbInput.wrap(in.readBytes(dataSize), dataSize), rect, conv, filter, colours, fb);
        } else if (inflated) {
            unfilter(in, rect, conv, filter, colours, fb);
        } else {
            int length = readCompressedLength(rect, in, dataSize);
            in.ensure(length);
            ZlibStream stream = streams[(control >>> 4) & 3];
            RfbInput data = stream.open(in.array(), in.arrayOffset(), length, rect);
            try {
                unfilter(data, rect, conv, filter, colours, fb);
            } catch (java.io.EOFException e) {
                throw new RfbProtocolException(rect.describe() + ": zlib data holds " + stream.produced()
                        + " bytes, the filter needs " + dataSize);
            }
            stream.finish(data, null);
            in.skip(length);
        }
    }

    /** Copy and palette data go straight into the framebuffer's rows; gradient through a buffer. */
    private void unfilter(RfbInput data, RectHeader rect, PixelConverter conv, int filter, int colours, Framebuffer fb)
            throws IOException {
        int w = rect.width();
        int h = rect.height();
        int[] px = fb.pixels();
        int stride = fb.width();
        int first = rect.y() * stride + rect.x();
        switch (filter) {
            case FILTER_COPY -> {
                for (int y = 0; y < h; y++) {
                    WirePixels.readTightRow(data, conv, px, first + y * stride, w);
                }
            }
            case FILTER_PALETTE -> unpackPalette(data, px, first, stride, w, h, colours);
            default -> {
                int[] out = pixelBuffer(rect);
                TightGradient.decode(data, conv, out, w, h);
                fb.setPixels(rect.x(), rect.y(), w, h, out, 0, w);
            }
        }
    }

    /**
     * Palette indices a row at a time off the input's buffer: bits for two colours, bytes for
     * more. An index beyond the palette shows its last colour: the unused entries are set to it,
     * so that no pixel needs a check.
     */
    private void unpackPalette(RfbInput data, int[] out, int first, int stride, int w, int h, int colours)
            throws IOException {
        int[] pal = palette;
        java.util.Arrays.fill(pal, colours, pal.length, pal[colours - 1]);
        if (colours == 2) {
            int rowBytes = (w + 7) / 8;
            int c0 = pal[0];
            int c1 = pal[1];
            for (int y = 0; y < h; y++) {
                data.ensure(rowBytes);
                PackedIndices.twoColours(data.array(), data.arrayOffset(), w, c0, c1, out, first + y * stride);
                data.skip(rowBytes);
            }
            return;
        }
        for (int y = 0; y < h; y++) {
            data.ensure(w);
            byte[] a = data.array();
            int p = data.arrayOffset();
            int d = first + y * stride;
            for (int x = 0; x < w; x++) {
                out[d + x] = pal[a[p + x] & 0xFF];
            }
            data.skip(w);
        }
    }

    private int[] pixelBuffer(RectHeader rect) {
        int n = rect.width() * rect.height();
        if (pixels.length < n) {
            pixels = new int[n];
        }
        return pixels;
    }

    private static void checkBasic(RectHeader rect, int type) throws RfbProtocolException {
        if (type == PNG) {
            throw new RfbProtocolException(rect.describe() + ": a PNG (TightPNG) rectangle, which this client never asks for");
        }
        if (type > PNG || (type & 0x08) != 0) {
            throw new RfbProtocolException(rect.describe() + ": invalid compression type " + type);
        }
    }

    private static int dataSize(RectHeader rect, int filter, int colours, int tpixel) throws RfbProtocolException {
        int w = rect.width();
        int h = rect.height();
        return switch (filter) {
            case FILTER_COPY, FILTER_GRADIENT -> w * h * tpixel;
            case FILTER_PALETTE -> colours == 2 ? ((w + 7) / 8) * h : w * h;
            default -> throw new RfbProtocolException(rect.describe() + ": unknown filter " + filter);
        };
    }

    /** Basic data's compressed length, at most what {@code dataSize} bytes can take through zlib. */
    private static int readCompressedLength(RectHeader rect, RfbInput in, int dataSize) throws IOException {
        return readCompactLength(rect, in, Limits.compressedLimit(dataSize));
    }

    /**
     * A JPEG's length, relative to the rectangle's area: even at quality 100 on noise a JPEG
     * takes well under 8 bytes a pixel, and 64 KiB leaves room for its headers and tables.
     */
    private static int readJpegLength(RectHeader rect, RfbInput in) throws IOException {
        return readCompactLength(rect, in, (int) Math.min(Limits.MAX_COMPRESSED_RECT, rect.area() * 8 + 64 * 1024));
    }

    /** Tight's compact length: 1 to 3 bytes, 7 bits each, low bits first. */
    static int readCompactLength(RectHeader rect, RfbInput in) throws IOException {
        return readCompactLength(rect, in, Limits.MAX_COMPRESSED_RECT);
    }

    static int readCompactLength(RectHeader rect, RfbInput in, int limit) throws IOException {
        int b = in.readU8();
        int length = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = in.readU8();
            length |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                length |= in.readU8() << 14;
            }
        }
        return rect.checkLength("compressed length", length, limit);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
