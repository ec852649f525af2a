package io.vncstream.rfb.bench;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workloads Xvnc does not produce on demand, built from the pixels of its Raw recording: CopyRect
 * (a scroll), Zlib (Raw pixels through one zlib stream, in 1024x32 bands, as libvncserver sends it), and Tight in one variant per workload (fill, mono and 16-colour palette, gradient,
 * basic copy, JPEG) over 128x128 tiles, so that each variant's decoder is measured alone.
 * TigerVNC never uses the gradient filter, so it cannot be recorded at all.
 */
final class BuiltWorkloads {
    static final int TILE = 128;

    private BuiltWorkloads() {
    }

    @FunctionalInterface
    private interface TileEncoder {
        /** Writes one tile; stores what it must decode to in {@code decoded} (same layout as tile). */
        void write(TightUpdateWriter out, int x, int y, int w, int h, int[] tile, int[] decoded);
    }

    static List<Workload> from(String screen, int[] frame, int width, int height) {
        List<Workload> all = new ArrayList<>();
        all.add(scroll(frame, width, height));
        all.add(zlib(frame, width, height));
        all.add(tiles("built-tight-fill", frame, width, height, (out, x, y, w, h, tile, decoded) -> {
            int colour = tile[(h / 2) * w + w / 2];
            Arrays.fill(decoded, colour);
            out.fill(x, y, w, h, colour);
        }));
        all.add(tiles("built-tight-mono", frame, width, height, (out, x, y, w, h, tile, decoded) -> {
            int[] palette = quantize(tile, 2, decoded);
            out.basic(x, y, w, h, TightUpdateWriter.STREAM_MONO, TightUpdateWriter.FILTER_PALETTE, palette,
                    monoBits(decoded, w, h, palette));
        }));
        all.add(tiles("built-tight-palette16", frame, width, height, (out, x, y, w, h, tile, decoded) -> {
            int[] palette = quantize(tile, 16, decoded);
            // Two colours are always sent as bits: that is how the decoder reads a 2-entry palette.
            out.basic(x, y, w, h, TightUpdateWriter.STREAM_PALETTE, TightUpdateWriter.FILTER_PALETTE, palette,
                    palette.length == 2 ? monoBits(decoded, w, h, palette) : indices(decoded, palette));
        }));
        all.add(tiles("built-tight-gradient", frame, width, height, (out, x, y, w, h, tile, decoded) -> {
            System.arraycopy(tile, 0, decoded, 0, tile.length);
            out.basic(x, y, w, h, TightUpdateWriter.STREAM_GRADIENT, TightUpdateWriter.FILTER_GRADIENT, null,
                    gradientResiduals(tile, w, h));
        }));
        all.add(tiles("built-tight-basic", frame, width, height, (out, x, y, w, h, tile, decoded) -> {
            System.arraycopy(tile, 0, decoded, 0, tile.length);
            out.basic(x, y, w, h, TightUpdateWriter.STREAM_COPY, -1, null, tpixels(tile));
        }));
        Workload jpeg = tiles("built-tight-jpeg", frame, width, height,
                (out, x, y, w, h, tile, decoded) -> out.jpeg(x, y, w, h, jpeg(tile, w, h)));
        all.add(new Workload(jpeg.name(), width, height, jpeg.update(), null));
        return all.stream().map(w -> new Workload(screen + "." + w.name(), w.width(), w.height(), w.update(),
                w.expected())).toList();
    }

    private static Workload zlib(int[] frame, int width, int height) {
        ZlibUpdateWriter out = new ZlibUpdateWriter(6);
        for (int y = 0; y < height; y += 32) {
            out.rect(frame, width, 0, y, width, Math.min(32, height - y));
        }
        return new Workload("built-zlib", width, height, out.update(), frame.clone());
    }

    /** A terminal-style scroll by 16 rows: the screen moves up, the top band wraps to the bottom. */
    private static Workload scroll(int[] frame, int width, int height) {
        TightUpdateWriter out = new TightUpdateWriter(6);
        out.copyRect(0, 0, width, height - 16, 0, 16);
        out.copyRect(0, height - 16, width, 16, 0, 0);
        return new Workload("built-copyrect", width, height, out.update(), null);
    }

    private static Workload tiles(String name, int[] frame, int width, int height, TileEncoder encoder) {
        TightUpdateWriter out = new TightUpdateWriter(6);
        int[] expected = new int[width * height];
        for (int y = 0; y < height; y += TILE) {
            for (int x = 0; x < width; x += TILE) {
                int w = Math.min(TILE, width - x);
                int h = Math.min(TILE, height - y);
                int[] tile = new int[w * h];
                for (int row = 0; row < h; row++) {
                    System.arraycopy(frame, (y + row) * width + x, tile, row * w, w);
                }
                int[] decoded = new int[w * h];
                encoder.write(out, x, y, w, h, tile, decoded);
                for (int row = 0; row < h; row++) {
                    System.arraycopy(decoded, row * w, expected, (y + row) * width + x, w);
                }
            }
        }
        return new Workload(name, width, height, out.update(), expected);
    }

    /** The {@code n} most frequent colours; every pixel mapped to the nearest of them into {@code mapped}. */
    private static int[] quantize(int[] tile, int n, int[] mapped) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : tile) {
            counts.merge(p, 1, Integer::sum);
        }
        int[] palette = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).mapToInt(Map.Entry::getKey).toArray();
        if (palette.length < 2) {
            palette = new int[] {palette[0], palette[0] ^ 0xFFFFFF};
        }
        for (int i = 0; i < tile.length; i++) {
            mapped[i] = palette[nearest(palette, tile[i])];
        }
        return palette;
    }

    private static int nearest(int[] palette, int argb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long d = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int diff = ((palette[i] >>> shift) & 0xFF) - ((argb >>> shift) & 0xFF);
                d += (long) diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static byte[] indices(int[] mapped, int[] palette) {
        byte[] data = new byte[mapped.length];
        for (int i = 0; i < mapped.length; i++) {
            data[i] = (byte) indexOf(palette, mapped[i]);
        }
        return data;
    }

    /** One bit per pixel, rows padded to a byte, most significant bit first (Tight's mono layout). */
    private static byte[] monoBits(int[] mapped, int w, int h, int[] palette) {
        int rowBytes = (w + 7) / 8;
        byte[] data = new byte[rowBytes * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (indexOf(palette, mapped[y * w + x]) == 1) {
                    data[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return data;
    }

    private static int indexOf(int[] palette, int colour) {
        for (int i = 0; i < palette.length; i++) {
            if (palette[i] == colour) {
                return i;
            }
        }
        throw new IllegalStateException("colour not in palette");
    }

    private static byte[] tpixels(int[] tile) {
        byte[] data = new byte[tile.length * 3];
        for (int i = 0; i < tile.length; i++) {
            data[3 * i] = (byte) (tile[i] >>> 16);
            data[3 * i + 1] = (byte) (tile[i] >>> 8);
            data[3 * i + 2] = (byte) tile[i];
        }
        return data;
    }

    /**
     * Tight's gradient filter, encoder side: each component minus the prediction
     * left + above - above-left (clamped to 0..255; zero outside the rectangle), modulo 256.
     */
    private static byte[] gradientResiduals(int[] tile, int w, int h) {
        byte[] data = new byte[tile.length * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int left = x > 0 ? component(tile, w, x - 1, y, shift) : 0;
                    int up = y > 0 ? component(tile, w, x, y - 1, shift) : 0;
                    int upLeft = x > 0 && y > 0 ? component(tile, w, x - 1, y - 1, shift) : 0;
                    int predicted = Math.max(0, Math.min(255, left + up - upLeft));
                    data[3 * (y * w + x) + c] = (byte) (component(tile, w, x, y, shift) - predicted);
                }
            }
        }
        return data;
    }

    private static int component(int[] tile, int w, int x, int y, int shift) {
        return (tile[y * w + x] >>> shift) & 0xFF;
    }

    private static byte[] jpeg(int[] tile, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, tile, 0, w);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f); // about TigerVNC's quality level 8
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
