package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.tls.TlsStreams;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The server's half of VeNCrypt 0.2 (security type 19), up to the end of the TLS handshake: our
 * version, the client's, one sub-type offered (X509Vnc with a password, X509None without), the
 * client's choice, the one-byte go-ahead, then TLS. What follows (the VNC challenge, the
 * SecurityResult) runs inside TLS and is the caller's.
 */
final class VeNCryptServer {
    private VeNCryptServer() {
    }

    /** The sub-type this server offers. */
    static int subType(ServerSecurity security) {
        return security.requiresPassword() ? SecurityType.X509_VNC : SecurityType.X509_NONE;
    }

    private static String subTypeName(long subType) {
        String name = subType >= 0 && subType <= Integer.MAX_VALUE ? SecurityType.configName((int) subType) : null;
        return name != null ? name : "sub-type " + subType;
    }

    /**
     * Negotiates and runs the TLS handshake; returns the tunnel the rest of RFB goes through.
     * Failures before TLS have no way to carry a reason (VeNCrypt has none there) beyond the
     * version status byte, so the exception's message is for our log.
     */
    static TlsStreams negotiate(RfbInput in, OutputStream out, ServerSecurity security) throws IOException {
        out.write(new byte[]{0, 2});
        out.flush();
        int major = in.readU8();
        int minor = in.readU8();
        if (major != 0 || minor != 2) {
            out.write(0xFF);
            out.flush();
            throw new RfbProtocolException("client asked for VeNCrypt " + major + "." + minor + "; only 0.2 is supported");
        }
        int offered = subType(security);
        out.write(new ByteArray(6).u8(0).u8(1).u32(offered).toByteArray());
        out.flush();
        long chosen = in.readU32();
        if (chosen != offered) {
            throw new RfbProtocolException("client chose VeNCrypt " + subTypeName(chosen)
                    + ", but only " + subTypeName(offered) + " was offered");
        }
        out.write(1);
        out.flush();
        return TlsStreams.handshake(new RemainingInput(in), out, security.tls().newEngine(), "the client");
    }

    /**
     * The raw stream under TLS: first what the RFB reader has already buffered (a client may
     * send its TLS hello without waiting for our go-ahead), then the socket.
     */
    private static final class RemainingInput extends InputStream {
        private final RfbInput in;

        RemainingInput(RfbInput in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.readU8();
            } catch (EOFException e) {
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            b[off] = (byte) first;
            int more = Math.min(len - 1, in.buffered());
            in.readFully(b, off + 1, more);
            return 1 + more;
        }
    }
}
