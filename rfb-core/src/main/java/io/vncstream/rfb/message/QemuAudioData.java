package io.vncstream.rfb.message;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * QEMU audio, server side (255, sub-type 1): the stream ends (0), begins (1), or carries
 * samples (2, a u32 length and the samples in the format the client set).
 */
public record QemuAudioData(int operation, byte[] samples) {
    public static final int SUBTYPE = 1;
    public static final int END = 0;
    public static final int BEGIN = 1;
    public static final int DATA = 2;

    public void write(ByteArray out) {
        out.u8(ServerMessage.QEMU).u8(SUBTYPE).u16(operation);
        if (operation == DATA) {
            out.u32(samples.length).bytes(samples);
        }
    }

    /** Reads what follows the type and sub-type bytes. */
    public static QemuAudioData read(RfbInput in) throws IOException {
        int operation = in.readU16();
        return switch (operation) {
            case END, BEGIN -> new QemuAudioData(operation, new byte[0]);
            case DATA -> new QemuAudioData(operation, in.readBytes(in.readLength("QEMU audio data length", Limits.MAX_AUDIO_DATA)));
            default -> throw new RfbProtocolException("QEMU audio message with unknown operation " + operation);
        };
    }
}
