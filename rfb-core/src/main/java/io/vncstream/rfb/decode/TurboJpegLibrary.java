package io.vncstream.rfb.decode;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few calls of libjpeg-turbo's TurboJPEG API (libturbojpeg.so.0, Debian's libturbojpeg0) that
 * Tight's JPEGs need, bound with JNA's direct mapping (static natives: no proxy, no per-call
 * reflection). The TurboJPEG 2 functions, which TurboJPEG 3 still exports. Loading this class
 * throws a {@link LinkageError} when JNA or the library is missing; {@link TightJpeg} catches it.
 */
final class TurboJpegLibrary {
    /** TJPF_BGRX: 4 bytes a pixel, B G R X in memory = a little-endian int 0xXXRRGGBB, X = 0xFF. */
    static final int TJPF_BGRX = 3;
    /** TJCS_CMYK and TJCS_YCCK: colour spaces TurboJPEG does not turn into RGB. */
    static final int TJCS_CMYK = 3;
    static final int TJCS_YCCK = 4;
    /** tjGetErrorCode: the decode finished and only warned (e.g. data ended early, rest grey). */
    static final int TJERR_WARNING = 0;

    static {
        Native.register(TurboJpegLibrary.class, load());
    }

    private TurboJpegLibrary() {
    }

    /** The runtime library by its soname first (no -dev symlink needed), then JNA's own search. */
    private static NativeLibrary load() {
        try {
            return NativeLibrary.getInstance("libturbojpeg.so.0");
        } catch (UnsatisfiedLinkError e) {
            return NativeLibrary.getInstance("turbojpeg");
        }
    }

    static native Pointer tjInitDecompress();

    static native int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize,
                                          Pointer width, Pointer height, Pointer jpegSubsamp, Pointer jpegColorspace);

    static native int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf,
                                    int width, int pitch, int height, int pixelFormat, int flags);

    static native Pointer tjGetErrorStr2(Pointer handle);

    static native int tjGetErrorCode(Pointer handle);

    static native int tjDestroy(Pointer handle);

    /** The handle's last error, as text. */
    static String errorText(Pointer handle) {
        Pointer p = tjGetErrorStr2(handle);
        return p == null ? "unknown error" : p.getString(0);
    }
}
