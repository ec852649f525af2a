package io.vncstream.gateway.relay;

import io.vncstream.gateway.log.LogText;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.encode.Encoder;
import io.vncstream.rfb.encode.PixelPacker;
import io.vncstream.rfb.encode.RawEncoder;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.pixel.PixelFormat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The picture a viewer is shown while the upstream server is down: a plain background and a
 * panel saying so, as one FramebufferUpdate in the viewer's pixel format. The background is one
 * RRE rectangle without subrectangles where the viewer takes RRE (a few bytes however large the
 * screen), else Raw; the panel is Raw. Neither uses a zlib stream: those belong to the viewer's
 * connection and a later upstream will not continue them.
 */
final class Placeholder {
    static final int BACKGROUND = 0x2b2b2b;
    private static final int PANEL = 0x3c3f41;
    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 112;

    private Placeholder() {
    }

    /** The whole update for a {@code width}x{@code height} framebuffer. */
    static byte[] update(int width, int height, PixelFormat format, SetEncodings encodings, String reason) {
        int pw = Math.min(PANEL_WIDTH, width);
        int ph = Math.min(PANEL_HEIGHT, height);
        int px = (width - pw) / 2;
        int py = (height - ph) / 2;
        boolean rre = encodings != null && encodings.contains(Encodings.RRE);
        ByteArray out = new ByteArray(rre ? pw * ph * 4 + 64 : width * height * format.bytesPerPixel() + 64);
        out.u8(0).padding(1).u16(2);
        if (rre) {
            Encoder.header(out, 0, 0, width, height, Encodings.RRE);
            out.u32(0);
            pixel(out, format, BACKGROUND);
            raw(out, px, py, panel(pw, ph, reason), pw, ph, format);
        } else {
            int[] pixels = new int[width * height];
            java.util.Arrays.fill(pixels, BACKGROUND);
            int[] panel = panel(pw, ph, reason);
            for (int row = 0; row < ph; row++) {
                System.arraycopy(panel, row * pw, pixels, (py + row) * width + px, pw);
            }
            // The screen as two Raw rectangles (above and from the panel's top down), so the count stays 2.
            raw(out, 0, 0, pixels, width, py, format, 0, width);
            raw(out, 0, py, pixels, width, height - py, format, py, width);
        }
        return out.toByteArray();
    }

    private static void pixel(ByteArray out, PixelFormat format, int argb) {
        if (format.trueColour()) {
            PixelPacker p = new PixelPacker(format);
            p.write(out, p.pack(argb));
        } else {
            // A colour map is the viewer's to fill; entry 0 it is.
            out.padding(format.bytesPerPixel());
        }
    }

    private static void raw(ByteArray out, int x, int y, int[] pixels, int w, int h, PixelFormat format) {
        raw(out, x, y, pixels, w, h, format, 0, w);
    }

    /** Rows {@code fromRow}.. of {@code pixels} (stride {@code stride}) as a Raw rectangle at (x, y). */
    private static void raw(ByteArray out, int x, int y, int[] pixels, int w, int h, PixelFormat format, int fromRow, int stride) {
        if (format.trueColour()) {
            Encoder.header(out, x, y, w, h, Encodings.RAW);
            PixelPacker packer = new PixelPacker(format);
            for (int row = fromRow; row < fromRow + h; row++) {
                for (int i = row * stride; i < row * stride + w; i++) {
                    packer.write(out, packer.pack(pixels[i]));
                }
            }
        } else {
            Encoder.header(out, x, y, w, h, Encodings.RAW);
            out.padding(w * h * format.bytesPerPixel());
        }
    }

    private static int[] panel(int w, int h, String reason) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(PANEL));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(0xf0f0f0));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString("The VNC server is down: reconnecting", 20, 34);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(new Color(0xc8c8c8));
            String why = LogText.clean(reason);
            g.drawString(why.length() > 80 ? why.substring(0, 77) + "..." : why, 20, 62);
            g.drawString("Consoles keep working; the screen comes back when the server does.", 20, 88);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
