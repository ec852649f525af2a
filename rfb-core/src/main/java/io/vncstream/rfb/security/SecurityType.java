package io.vncstream.rfb.security;

import java.util.Locale;

/**
 * Security type numbers (RFC 6143 7.2.1 and the registry) and VeNCrypt's sub-types, with the
 * names TigerVNC's {@code SecurityTypes} parameter gives them ({@link #configName}), which is
 * what users type in {@code --security-types}.
 */
public final class SecurityType {
    private SecurityType() {
    }

    public static final int INVALID = 0;
    public static final int NONE = 1;
    public static final int VNC_AUTH = 2;
    public static final int VENCRYPT = 19;

    /** VeNCrypt sub-types: Plain alone, then TLS (anonymous) and X509 (certificate) with each inner auth. */
    public static final int PLAIN = 256;
    public static final int TLS_NONE = 257;
    public static final int TLS_VNC = 258;
    public static final int TLS_PLAIN = 259;
    public static final int X509_NONE = 260;
    public static final int X509_VNC = 261;
    public static final int X509_PLAIN = 262;

    public static String name(int type) {
        return switch (type) {
            case NONE -> "None";
            case VNC_AUTH -> "VNC Authentication";
            case 5 -> "RA2";
            case 16 -> "Tight";
            case 18 -> "TLS";
            case VENCRYPT -> "VeNCrypt";
            case 22 -> "XVP";
            case 30 -> "Apple Remote Desktop";
            case PLAIN, TLS_NONE, TLS_VNC, TLS_PLAIN, X509_NONE, X509_VNC, X509_PLAIN -> configName(type);
            default -> "type " + type;
        };
    }

    /** TigerVNC's name of a type we can complete ("X509Vnc"), or null for the others. */
    public static String configName(int type) {
        return switch (type) {
            case NONE -> "None";
            case VNC_AUTH -> "VncAuth";
            case PLAIN -> "Plain";
            case TLS_NONE -> "TLSNone";
            case TLS_VNC -> "TLSVnc";
            case TLS_PLAIN -> "TLSPlain";
            case X509_NONE -> "X509None";
            case X509_VNC -> "X509Vnc";
            case X509_PLAIN -> "X509Plain";
            default -> null;
        };
    }

    /** The type a TigerVNC name stands for, case-insensitively; -1 when it names none we support. */
    public static int parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (int type : new int[] {NONE, VNC_AUTH, PLAIN, TLS_NONE, TLS_VNC, TLS_PLAIN, X509_NONE, X509_VNC, X509_PLAIN}) {
            if (configName(type).toLowerCase(Locale.ROOT).equals(n)) {
                return type;
            }
        }
        return -1;
    }

    /** Whether a type is one of VeNCrypt's sub-types, chosen inside security type 19. */
    public static boolean isVeNCryptSubType(int type) {
        return type >= PLAIN && type <= X509_PLAIN;
    }

    /** TLS with a certificate that can be verified. */
    public static boolean isX509(int type) {
        return type == X509_NONE || type == X509_VNC || type == X509_PLAIN;
    }

    /** TLS without server authentication (anonymous Diffie-Hellman). */
    public static boolean isAnonymousTls(int type) {
        return type == TLS_NONE || type == TLS_VNC || type == TLS_PLAIN;
    }

    public static boolean isEncrypted(int type) {
        return isX509(type) || isAnonymousTls(type);
    }

    /** Plain sends a user name and password: as clear text unless inside TLS. */
    public static boolean sendsPlainPassword(int type) {
        return type == PLAIN || type == TLS_PLAIN || type == X509_PLAIN;
    }
}
