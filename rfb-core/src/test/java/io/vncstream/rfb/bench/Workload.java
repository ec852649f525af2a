package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One FramebufferUpdate message exactly as it crossed the wire (type byte included), for a
 * framebuffer of width x height in {@link io.vncstream.rfb.pixel.PixelFormat#TRUE_COLOUR_32},
 * with the first rectangle of each zlib stream in it: it decodes with fresh decoders, as the
 * first update of a connection does.
 *
 * @param name     e.g. "xvnc-zrle" (recorded from Xvnc) or "built-tight-gradient" (hand-built)
 * @param expected the pixels it must decode to, or null when lossy (JPEG) or not computed
 */
record Workload(String name, int width, int height, byte[] update, int[] expected) {
    private static final String MAGIC = "vncstream-decode-bench-1";
    private static final int MAX_UPDATE = 256 * 1024 * 1024;

    /** The framebuffer after decoding the update once into a black one. */
    int[] decodeOnce() throws IOException {
        io.vncstream.rfb.framebuffer.Framebuffer fb = new io.vncstream.rfb.framebuffer.Framebuffer(width, height);
        new UpdateReplay().decode(update, fb);
        return fb.pixels();
    }

    /** Pixels painted by the update: the sum of its rectangles' areas. */
    long pixels() throws IOException {
        long sum = 0;
        for (var e : rects().entrySet()) {
            sum += e.getValue()[1];
        }
        return sum;
    }

    /** Rectangles and pixels by encoding name, read from the rectangle headers. */
    Map<String, long[]> rects() throws IOException {
        Map<String, long[]> by = new TreeMap<>();
        RfbInput in = RfbInput.of(update);
        UpdateReplay.walk(in, (rect, decoder) -> {
            long[] c = by.computeIfAbsent(Encodings.name(rect.encoding()), k -> new long[2]);
            c[0]++;
            c[1] += rect.area();
            decoder.readRect(rect, in, UpdateReplay.CONTEXT);
        });
        return by;
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream f = Files.newOutputStream(dir.resolve(name + ".update"));
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(f))) {
            out.writeUTF(MAGIC);
            out.writeUTF(name);
            out.writeInt(width);
            out.writeInt(height);
            out.writeInt(update.length);
            out.write(update);
            out.writeBoolean(expected != null);
            if (expected != null) {
                for (int p : expected) {
                    out.writeInt(p);
                }
            }
        }
    }

    static Workload load(Path file) throws IOException {
        try (InputStream f = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(f))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + " is not a decode-bench workload (" + MAGIC + ")");
            }
            String name = in.readUTF();
            int width = in.readInt();
            int height = in.readInt();
            int length = RfbProtocolException.checkLength(file + ": update length", in.readInt(), MAX_UPDATE);
            byte[] update = in.readNBytes(length);
            int[] expected = null;
            if (in.readBoolean()) {
                expected = new int[Math.multiplyExact(width, height)];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = in.readInt();
                }
            }
            return new Workload(name, width, height, update, expected);
        }
    }
}
