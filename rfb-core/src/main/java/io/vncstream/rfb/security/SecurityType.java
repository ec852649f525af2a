package io.vncstream.rfb.security;

/** Security type numbers (RFC 6143 7.2.1 and the registry). */
public final class SecurityType {
    private SecurityType() {
    }

    public static final int INVALID = 0;
    public static final int NONE = 1;
    public static final int VNC_AUTH = 2;

    public static String name(int type) {
        return switch (type) {
            case NONE -> "None";
            case VNC_AUTH -> "VNC Authentication";
            case 5 -> "RA2";
            case 16 -> "Tight";
            case 18 -> "TLS";
            case 19 -> "VeNCrypt";
            case 22 -> "XVP";
            case 30 -> "Apple Remote Desktop";
            default -> "type " + type;
        };
    }
}
