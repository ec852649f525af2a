package io.vncstream.rfb;

/** Encoding and pseudo-encoding numbers from the RFB registry (RFC 6143 and rfbproto). */
public final class Encodings {
    private Encodings() {
    }

    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int RRE = 2;
    public static final int HEXTILE = 5;
    public static final int ZLIB = 6;
    public static final int TIGHT = 7;
    public static final int ZRLE = 16;

    /** Tight quality level 0..9 is -32..-23. */
    public static final int JPEG_QUALITY_0 = -32;
    /** Tight compression level 0..9 is -256..-247. */
    public static final int COMPRESS_LEVEL_0 = -256;
    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int CURSOR = -239;
    public static final int EXTENDED_KEY_EVENT = -258;
    /** The stream extension; also TightPNG in today's registry (see stream-extension.md). */
    public static final int STREAMS = -260;
    public static final int TIGHT_PNG = -260;
    public static final int DESKTOP_NAME = -307;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    public static final int CONTINUOUS_UPDATES = -313;
    public static final int FENCE = -312;
    /** QEMU: the server tells whether it wants absolute (tablet) or relative pointer motion. */
    public static final int QEMU_POINTER_MOTION_CHANGE = -257;
    /** QEMU: audio over message 255 sub-type 1. */
    public static final int QEMU_AUDIO = -259;
    /** QEMU's (and TigerVNC's) LED state: one byte of Scroll/Num/Caps Lock. */
    public static final int LED_STATE = -261;
    /** VMware's LED state, which TigerVNC prefers: four bytes. */
    public static final int VMWARE_LED_STATE = 0x574D5668;
    public static final int XVP = -309;
    /** A cursor in 32-bit RGBA, alpha premultiplied, carried in a real encoding (Raw in practice). */
    public static final int CURSOR_WITH_ALPHA = -314;
    /** The extended clipboard: UTF-8 and more formats inside Server/ClientCutText with a negative length. */
    public static final int EXTENDED_CLIPBOARD = 0xC0A1E5CE;

    /** A human name for logs and error messages. */
    public static String name(int encoding) {
        switch (encoding) {
            case RAW: return "Raw";
            case COPY_RECT: return "CopyRect";
            case RRE: return "RRE";
            case HEXTILE: return "Hextile";
            case ZLIB: return "Zlib";
            case TIGHT: return "Tight";
            case ZRLE: return "ZRLE";
            case DESKTOP_SIZE: return "DesktopSize";
            case LAST_RECT: return "LastRect";
            case CURSOR: return "Cursor";
            case EXTENDED_KEY_EVENT: return "QEMU ExtendedKeyEvent";
            case STREAMS: return "Streams/TightPNG";
            case DESKTOP_NAME: return "DesktopName";
            case EXTENDED_DESKTOP_SIZE: return "ExtendedDesktopSize";
            case CONTINUOUS_UPDATES: return "ContinuousUpdates";
            case FENCE: return "Fence";
            case QEMU_POINTER_MOTION_CHANGE: return "QEMU PointerMotionChange";
            case QEMU_AUDIO: return "QEMU Audio";
            case LED_STATE: return "LEDState";
            case VMWARE_LED_STATE: return "VMware LEDState";
            case XVP: return "XVP";
            case CURSOR_WITH_ALPHA: return "CursorWithAlpha";
            case EXTENDED_CLIPBOARD: return "ExtendedClipboard";
            default:
                if (isJpegQuality(encoding)) {
                    return "JPEG quality " + (encoding - JPEG_QUALITY_0);
                }
                if (isCompressLevel(encoding)) {
                    return "compression level " + (encoding - COMPRESS_LEVEL_0);
                }
                return "encoding " + encoding;
        }
    }

    /** One of the ten JPEG quality pseudo-encodings (levels 0-9). */
    public static boolean isJpegQuality(int encoding) {
        return encoding >= JPEG_QUALITY_0 && encoding <= JPEG_QUALITY_0 + 9;
    }

    /** One of the ten compression level pseudo-encodings (levels 0-9). */
    public static boolean isCompressLevel(int encoding) {
        return encoding >= COMPRESS_LEVEL_0 && encoding <= COMPRESS_LEVEL_0 + 9;
    }
}
