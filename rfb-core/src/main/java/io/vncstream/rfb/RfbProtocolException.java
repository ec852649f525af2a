package io.vncstream.rfb;

import java.io.IOException;

/**
 * The peer sent something the protocol does not allow, or something larger than a named limit.
 * The message says what was wrong and where, e.g.
 * {@code ZRLE rectangle 1920x1080 at (0,0): compressed length 2147483647 exceeds limit 64 MiB}.
 */
public class RfbProtocolException extends IOException {
    public RfbProtocolException(String message) {
        super(message);
    }

    public RfbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws unless {@code 0 <= length <= limit}; called before anything of that length is allocated. */
    public static int checkLength(String what, long length, long limit) throws RfbProtocolException {
        if (length < 0 || length > limit) {
            throw new RfbProtocolException(what + " " + (length < 0 ? (length & 0xFFFFFFFFL) : length)
                    + " exceeds limit " + Limits.describe(limit));
        }
        return (int) length;
    }
}
