package io.vncstream.rfb.message;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.util.Arrays;

/**
 * Fence (248, both directions; rfbproto 7.5.6 and 7.7.4): a marker in the message stream. A
 * request is echoed back by the peer (with the request bit cleared) once what it fences has
 * been processed; TigerVNC uses them for congestion control and to switch pixel formats
 * while updates flow.
 */
public record Fence(long flags, byte[] data) implements ClientMessage {
    /** Everything before the fence is processed before the fence. */
    public static final long BLOCK_BEFORE = 1;
    /** Nothing after the fence is processed before the fence. */
    public static final long BLOCK_AFTER = 2;
    /** The message after the fence is processed together with the fence (its response follows it). */
    public static final long SYNC_NEXT = 4;
    public static final long REQUEST = 0x80000000L;

    public Fence {
        if (data.length > Limits.MAX_FENCE_DATA) {
            throw new IllegalArgumentException("fence data of " + data.length + " bytes: at most " + Limits.MAX_FENCE_DATA);
        }
        data = data.clone();
    }

    public boolean isRequest() {
        return (flags & REQUEST) != 0;
    }

    public boolean has(long flag) {
        return (flags & flag) != 0;
    }

    /**
     * A client's answer to this request, as TigerVNC's viewer gives it: processing everything in
     * order honours BlockBefore and BlockAfter trivially, and SyncNext is dropped (nothing to
     * synchronise on this side); the data comes back unchanged.
     */
    public Fence response() {
        return new Fence(flags & (BLOCK_BEFORE | BLOCK_AFTER), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void write(ByteArray out) {
        out.u8(FENCE).padding(3).u32(flags).u8(data.length).bytes(data);
    }

    /** Reads the body that follows the type byte (the same in both directions). */
    public static Fence read(RfbInput in) throws IOException {
        in.skip(3);
        long flags = in.readU32();
        int length = in.readU8();
        if (length > Limits.MAX_FENCE_DATA) {
            throw new RfbProtocolException("Fence: data length " + length + " exceeds limit " + Limits.MAX_FENCE_DATA + " bytes");
        }
        return new Fence(flags, in.readBytes(length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fence f && f.flags == flags && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(flags) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Fence[flags=0x" + Long.toHexString(flags) + ", " + data.length + " bytes]";
    }
}
