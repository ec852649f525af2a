package io.vncstream.rfb.message;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * QEMU audio, client side (255, sub-type 1): enable or disable the server's audio stream, or
 * set its sample format (0 u8, 1 s8, 2 u16, 3 s16, 4 u32, 5 s32), channels and frequency.
 */
public record QemuAudioRequest(int operation, int format, int channels, long frequency) implements ClientMessage {
    public static final int SUBTYPE = 1;
    public static final int ENABLE = 0;
    public static final int DISABLE = 1;
    public static final int SET_FORMAT = 2;

    public static QemuAudioRequest enable() {
        return new QemuAudioRequest(ENABLE, 0, 0, 0);
    }

    public static QemuAudioRequest disable() {
        return new QemuAudioRequest(DISABLE, 0, 0, 0);
    }

    public static QemuAudioRequest setFormat(int format, int channels, long frequency) {
        return new QemuAudioRequest(SET_FORMAT, format, channels, frequency);
    }

    @Override
    public void write(ByteArray out) {
        out.u8(QEMU).u8(SUBTYPE).u16(operation);
        if (operation == SET_FORMAT) {
            out.u8(format).u8(channels).u32(frequency);
        }
    }

    /** Reads what follows the type and sub-type bytes; an unknown operation has no known length. */
    public static QemuAudioRequest read(RfbInput in) throws IOException {
        int operation = in.readU16();
        return switch (operation) {
            case ENABLE, DISABLE -> new QemuAudioRequest(operation, 0, 0, 0);
            case SET_FORMAT -> new QemuAudioRequest(operation, in.readU8(), in.readU8(), in.readU32());
            default -> throw new RfbProtocolException("QEMU audio message with unknown operation " + operation);
        };
    }
}
