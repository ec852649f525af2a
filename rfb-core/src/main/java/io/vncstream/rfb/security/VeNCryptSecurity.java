package io.vncstream.rfb.security;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Security type 19, VeNCrypt 0.2: the server sends its version (u8 major, u8 minor), the client
 * answers 0.2 and the server acknowledges (u8 0); the server lists its sub-types (u8 count, u32
 * each), the client picks the first of its preference the server offers (u32), and that
 * sub-type, built by the factory, runs.
 */
public final class VeNCryptSecurity implements ClientSecurity {
    private final SecurityFactory factory;

    public VeNCryptSecurity(SecurityFactory factory) {
        this.factory = factory;
    }

    @Override
    public void run(SecurityContext context) throws IOException {
        RfbInput in = context.in();
        OutputStream out = context.out();
        int major = in.readU8();
        int minor = in.readU8();
        if (major != 0 || minor < 2) {
            out.write(new byte[] {0, 0});
            out.flush();
            throw new RfbProtocolException("VeNCrypt: the server speaks version " + major + "." + minor
                    + ", vncstream only 0.2");
        }
        out.write(new byte[] {0, 2});
        out.flush();
        int ack = in.readU8();
        if (ack != 0) {
            throw new RfbProtocolException("VeNCrypt: the server did not accept version 0.2");
        }
        List<Integer> offered = readSubTypes(in);
        int chosen = choose(offered, context.types());
        out.write(new ByteArray().u32(chosen).toByteArray());
        out.flush();
        context.security(ConnectionSecurity.unencrypted(chosen));
        factory.create(chosen).run(context);
        context.security(context.security().withType(chosen));
    }

    static List<Integer> readSubTypes(RfbInput in) throws IOException {
        int count = in.readU8();
        if (count == 0) {
            throw new RfbProtocolException("VeNCrypt: the server offers no sub-types");
        }
        if (count > Limits.MAX_VENCRYPT_SUBTYPES) {
            throw new RfbProtocolException("VeNCrypt: the server offers " + count + " sub-types, more than the limit of "
                    + Limits.MAX_VENCRYPT_SUBTYPES);
        }
        List<Integer> offered = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long type = in.readU32();
            offered.add(type > Integer.MAX_VALUE ? -1 : (int) type);
        }
        return offered;
    }

    static int choose(List<Integer> offered, SecurityTypes allowed) throws RfbProtocolException {
        for (int type : allowed.order()) {
            if (SecurityType.isVeNCryptSubType(type) && offered.contains(type)) {
                return type;
            }
        }
        List<String> names = offered.stream().map(t -> t < 0 ? "unknown" : SecurityType.name(t)).toList();
        throw new RfbProtocolException("VeNCrypt: the server offers only " + names
                + ", none of which the allowed security types (" + allowed + ") include");
    }
}
