package io.vncstream.rfb.decode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Which library decodes Tight's JPEGs: libjpeg-turbo through JNA when both load (about 1.5 times
 * faster than ImageIO's libjpeg 6b, and what TigerVNC uses), else ImageIO. Decided once per
 * process and logged once. {@code -Dvncstream.jpeg=imageio} or {@code VNCSTREAM_JPEG=imageio}
 * forces ImageIO (tests and benchmarks compare the two).
 */
public final class TightJpeg {
    private static final Logger LOG = LoggerFactory.getLogger(TightJpeg.class);
    public static final String PROPERTY = "vncstream.jpeg";
    public static final String ENV = "VNCSTREAM_JPEG";

    private TightJpeg() {
    }

    /** A decoder for one Tight decoder of one connection. */
    static JpegDecoder open() {
        return Choice.TURBO ? new TurboJpeg() : new ImageIoJpeg();
    }

    /** "libturbojpeg" or "ImageIO": what {@link #open} gives in this process. */
    public static String library() {
        return Choice.TURBO ? "libturbojpeg" : "ImageIO";
    }

    /** Whether libturbojpeg is loaded and not forced off. */
    public static boolean turbo() {
        return Choice.TURBO;
    }

    /** Whether libturbojpeg and JNA load here, whatever is forced (for tests of both paths). */
    static boolean turboLoads() {
        return Choice.LOADS == null;
    }

    /** Why libturbojpeg does not load, or null when it does. */
    static String whyNotTurbo() {
        return Choice.LOADS;
    }

    private static final class Choice {
        /** Null when JNA and libturbojpeg load, else why not. */
        static final String LOADS = tryLoad();
        static final boolean TURBO = choose();

        private static String tryLoad() {
            try {
                Class.forName("io.vncstream.rfb.decode.TurboJpegLibrary", true, TightJpeg.class.getClassLoader());
                return null;
            } catch (ClassNotFoundException | LinkageError e) {
                Throwable t = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                return JpegDecoder.oneLine(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }

        private static boolean choose() {
            String forced = System.getProperty(PROPERTY, System.getenv(ENV));
            if (forced != null && forced.toLowerCase(Locale.ROOT).equals("imageio")) {
                LOG.info("Tight JPEG: ImageIO (forced by {}={})", System.getProperty(PROPERTY) != null ? PROPERTY : ENV, forced);
                return false;
            }
            if (LOADS != null) {
                LOG.info("Tight JPEG: ImageIO, libturbojpeg not loaded ({})", LOADS);
                return false;
            }
            LOG.debug("Tight JPEG: libturbojpeg");
            return true;
        }
    }
}
