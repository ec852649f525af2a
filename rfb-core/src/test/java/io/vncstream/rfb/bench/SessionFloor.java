package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.decode.Decoder;
import io.vncstream.rfb.decode.Decoders;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.decode.TurboJpegFloor;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ServerCutText;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetColourMapEntries;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What no decoder of a recorded session can do without, found by walking the session once:
 * the zlib inflate of every Zlib, ZRLE and Tight rectangle's data through the connection's
 * streams in wire order (Tight's resets included; raw inflate after each stream's two-byte header,
 * as the decoders do, since a stream that never ends never needs its Adler-32), decoding each Tight JPEG with the library
 * rfb-core's decoder uses in this process (libturbojpeg's own decode to BGRX in native memory,
 * {@link TurboJpegFloor}; or libjpeg through ImageIO's readRaster: no colour conversion, no
 * BufferedImage), a plain copy of each Raw
 * rectangle's bytes, and for Hextile (which has none of these) writing each pixel once. {@link #run} does all of it once: the floor of one decode pass.
 */
final class SessionFloor {
    private static final int ZLIB = 0;
    private static final int ZRLE = 1;
    private static final int TIGHT = 2;

    private final byte[] data;
    /** Per operation: kind, stream, offset, length. */
    private final List<int[]> ops = new ArrayList<>();
    private final Inflater[] streams = new Inflater[6];
    /** Per stream: zlib header bytes still to skip (2 after a reset). */
    private final int[] headerLeft = new int[6];
    private final byte[] window = new byte[64 * 1024];
    private byte[] copy = new byte[0];
    private final ImageReader jpeg = ImageIO.getImageReadersByFormatName("jpeg").next();
    /** Null when rfb-core decodes JPEG with ImageIO here. */
    private final TurboJpegFloor turbo;
    final Map<String, long[]> rectsAndPixels = new TreeMap<>();
    int updates;

    private static final int COPY = 0;
    private static final int INFLATE = 1;
    private static final int RESET = 2;
    private static final int JPEG = 3;
    private static final int PAINT = 4;
    private int[] painted;
    private final int[] colours = new int[65536];
    private int width;

    private SessionFloor(byte[] data) {
        this.data = data;
        this.turbo = TurboJpegFloor.used() ? new TurboJpegFloor(data) : null;
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new Inflater(true);
        }
    }

    /** Walks the whole session (ServerInit first) and lists what its floor does. */
    static SessionFloor of(byte[] session) throws IOException {
        SessionFloor f = new SessionFloor(session);
        RfbInput in = RfbInput.of(session);
        ServerInit init = ServerInit.read(in);
        f.width = init.width();
        f.painted = new int[init.width() * init.height()];
        DecodeContext ctx = new DecodeContext(init.format());
        Decoders decoders = new Decoders();
        while (!in.atEnd()) {
            int type = in.readU8();
            switch (type) {
                case ServerMessage.FRAMEBUFFER_UPDATE -> f.update(in, ctx, decoders);
                case ServerMessage.SET_COLOUR_MAP_ENTRIES -> SetColourMapEntries.read(in);
                case ServerMessage.BELL -> { }
                case ServerMessage.SERVER_CUT_TEXT -> ServerCutText.read(in);
                default -> throw new RfbProtocolException("session: message type " + type + " at byte " + (in.position() - 1));
            }
        }
        return f;
    }

    private void update(RfbInput in, DecodeContext ctx, Decoders decoders) throws IOException {
        updates++;
        in.skip(1);
        int count = in.readU16();
        for (int i = 0; i < count; i++) {
            RectHeader rect = RectHeader.read(in);
            switch (rect.encoding()) {
                case Encodings.LAST_RECT -> {
                    return;
                }
                case Encodings.DESKTOP_SIZE -> {
                    width = rect.width();
                    painted = new int[rect.width() * rect.height()];
                    continue;
                }
                case Encodings.EXTENDED_DESKTOP_SIZE -> {
                    ScreenLayout.read(in);
                    continue;
                }
                case Encodings.CURSOR -> {
                    RemoteCursor.read(rect, in, ctx.converter());
                    continue;
                }
                default -> { }
            }
            long[] c = rectsAndPixels.computeIfAbsent(Encodings.name(rect.encoding()), k -> new long[2]);
            c[0]++;
            c[1] += rect.area();
            int start = (int) in.position();
            switch (rect.encoding()) {
                case Encodings.RAW -> {
                    int len = Math.toIntExact(rect.area() * ctx.format().bytesPerPixel());
                    in.skip(len);
                    ops.add(new int[]{COPY, 0, start, len});
                }
                case Encodings.ZLIB, Encodings.ZRLE -> {
                    int len = (int) in.readU32();
                    ops.add(new int[]{INFLATE, rect.encoding() == Encodings.ZLIB ? ZLIB : ZRLE, start + 4, len});
                    in.skip(len);
                }
                case Encodings.TIGHT -> tight(rect, in, ctx.format());
                default -> {
                    if (rect.encoding() == Encodings.HEXTILE) {
                        // No inflate, no JPEG: the least a decoder does is write each pixel once.
                        ops.add(new int[]{PAINT, rect.x() | rect.y() << 16, rect.width() | rect.height() << 16, width});
                    }
                    Decoder d = decoders.get(rect.encoding());
                    if (d == null) {
                        throw new RfbProtocolException("session: " + rect.describe() + " is not an encoding we decode");
                    }
                    d.readRect(rect, in, ctx);
                }
            }
        }
    }

    /** Tight's framing, as TightDecoder's phase one reads it, noting resets, inflates and JPEGs. */
    private void tight(RectHeader rect, RfbInput in, PixelFormat pf) throws IOException {
        int control = in.readU8();
        for (int s = 0; s < 4; s++) {
            if ((control & (1 << s)) != 0) {
                ops.add(new int[]{RESET, TIGHT + s, 0, 0});
            }
        }
        int type = control >>> 4;
        int tpixel = pf.tightPixelSize();
        if (type == 8) {
            in.skip(tpixel);
            return;
        }
        if (type == 9) {
            int len = compactLength(in);
            ops.add(new int[]{JPEG, 0, (int) in.position(), len});
            in.skip(len);
            return;
        }
        int filter = (control & 0x40) != 0 ? in.readU8() : 0;
        int colours = 0;
        if (filter == 1) {
            colours = in.readU8() + 1;
            in.skip(colours * tpixel);
        }
        long w = rect.width();
        long h = rect.height();
        long size = filter == 1 ? (colours == 2 ? (w + 7) / 8 * h : w * h) : w * h * tpixel;
        if (size < 12) {
            in.skip((int) size);
            return;
        }
        int len = compactLength(in);
        ops.add(new int[]{INFLATE, TIGHT + (type & 3), (int) in.position(), len});
        in.skip(len);
    }

    private static int compactLength(RfbInput in) throws IOException {
        int b = in.readU8();
        int len = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = in.readU8();
            len |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                len |= in.readU8() << 14;
            }
        }
        return len;
    }

    /** One pass of the floor, from fresh zlib streams; returns a checksum so that nothing is optimised away. */
    long run() throws IOException {
        for (Inflater s : streams) {
            s.reset();
        }
        java.util.Arrays.fill(headerLeft, 2);
        long sum = 0;
        try {
            for (int[] op : ops) {
                switch (op[0]) {
                    case COPY -> {
                        if (copy.length < op[3]) {
                            copy = new byte[op[3]];
                        }
                        System.arraycopy(data, op[2], copy, 0, op[3]);
                        sum += op[3] + (copy[op[3] >> 1] & 0xFF);
                    }
                    case RESET -> {
                        streams[op[1]].reset();
                        headerLeft[op[1]] = 2;
                    }
                    case PAINT -> {
                        // Each row of the rectangle copied into a framebuffer-sized array, where it lies.
                        int x = op[1] & 0xFFFF;
                        int y = op[1] >>> 16;
                        int w = op[2] & 0xFFFF;
                        int h = op[2] >>> 16;
                        int stride = op[3];
                        for (int row = 0; row < h; row++) {
                            System.arraycopy(colours, 0, painted, (y + row) * stride + x, w);
                        }
                        sum += (long) w * h;
                    }
                    case INFLATE -> {
                        Inflater inf = streams[op[1]];
                        int skip = Math.min(headerLeft[op[1]], op[3]);
                        headerLeft[op[1]] -= skip;
                        inf.setInput(data, op[2] + skip, op[3] - skip);
                        int n;
                        while ((n = inf.inflate(window)) > 0) {
                            sum += n;
                        }
                    }
                    default -> {
                        if (turbo != null) {
                            sum += turbo.decode(op[2], op[3]);
                        } else {
                            jpeg.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(data, op[2], op[3])), true, true);
                            sum += jpeg.readRaster(0, null).getDataBuffer().getSize();
                        }
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("session: corrupt zlib data in the floor pass (" + e.getMessage() + ")");
        }
        return sum;
    }

    /** What the floor is made of, for the report: "inflate", "inflate+jpeg", "copy" or "-". */
    String kind() {
        boolean inflate = false;
        boolean jpg = false;
        boolean cp = false;
        boolean paint = false;
        for (int[] op : ops) {
            paint |= op[0] == PAINT;
            inflate |= op[0] == INFLATE;
            jpg |= op[0] == JPEG;
            cp |= op[0] == COPY;
        }
        List<String> parts = new ArrayList<>();
        if (cp) {
            parts.add("copy");
        }
        if (paint) {
            parts.add("paint");
        }
        if (inflate) {
            parts.add("inflate");
        }
        if (jpg) {
            parts.add(turbo != null ? "turbojpeg" : "jpeg");
        }
        return parts.isEmpty() ? "-" : String.join("+", parts);
    }
}
