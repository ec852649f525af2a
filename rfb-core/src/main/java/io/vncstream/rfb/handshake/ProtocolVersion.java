package io.vncstream.rfb.handshake;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The 12-byte ProtocolVersion message, "RFB 003.008\n". */
public record ProtocolVersion(int major, int minor) {
    public static final ProtocolVersion V3_3 = new ProtocolVersion(3, 3);
    public static final ProtocolVersion V3_7 = new ProtocolVersion(3, 7);
    public static final ProtocolVersion V3_8 = new ProtocolVersion(3, 8);

    public static ProtocolVersion read(RfbInput in) throws IOException {
        byte[] b = in.readBytes(12);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        if (!s.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw new RfbProtocolException("not an RFB server: it greeted with \"" + printable(s) + "\"");
        }
        return new ProtocolVersion(Integer.parseInt(s.substring(4, 7)), Integer.parseInt(s.substring(8, 11)));
    }

    /**
     * What a client speaks with a server announcing this version (RFC 6143 7.1.1): 3.4-3.6 are
     * 3.3; anything above 3.8 is 3.8, which is also how TigerVNC answers RealVNC's 4.x and 5.x
     * servers (they accept a 3.8 client). Only versions before 3 are refused.
     */
    public ProtocolVersion negotiatedByClient() throws RfbProtocolException {
        if (major < 3) {
            throw new RfbProtocolException("server speaks RFB " + this + ", older than 3.3");
        }
        if (major > 3 || minor >= 8) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    /** What a server accepts from a client answering with this version; 3.4-3.6 count as 3.3. */
    public ProtocolVersion acceptedByServer() throws RfbProtocolException {
        if (major != 3 || minor < 3) {
            throw new RfbProtocolException("client asked for RFB " + this + ", which this server does not speak");
        }
        return minor >= 8 ? V3_8 : minor == 7 ? V3_7 : V3_3;
    }

    public byte[] toBytes() {
        return String.format("RFB %03d.%03d\n", major, minor).getBytes(StandardCharsets.ISO_8859_1);
    }

    public boolean atLeast(ProtocolVersion other) {
        return major > other.major || (major == other.major && minor >= other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
