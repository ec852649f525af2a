package io.vncstream.rfb.io;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.testing.OneByteAtATimeInputStream;
import org.junit.jupiter.api.Test;

import java.io.EOFException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfbInputTest {
    private static final byte[] BYTES = {0x01, 0x02, 0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, (byte) 0xFC, 0x00, 0x00, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o'};

    @Test
    void readsBigEndianIntegersOneByteAtATime() throws Exception {
        RfbInput in = RfbInput.of(new OneByteAtATimeInputStream(BYTES));
        assertThat(in.readU8()).isEqualTo(1);
        assertThat(in.readU16()).isEqualTo(0x0203);
        assertThat(in.readS32()).isEqualTo(-260);
        assertThat(in.readLength("name length", 255)).isEqualTo(5);
        assertThat(new String(in.readBytes(5))).isEqualTo("hello");
        assertThat(in.position()).isEqualTo(BYTES.length);
    }

    @Test
    void recordsExactlyWhatItConsumes() throws Exception {
        RfbInput in = RfbInput.of(new OneByteAtATimeInputStream(BYTES));
        in.readU8();
        ByteArray rec = new ByteArray();
        in.startRecording(rec);
        in.readU16();
        in.skip(4);
        assertThat(in.stopRecording().toByteArray()).containsExactly(0x02, 0x03, 0xFF, 0xFF, 0xFE, 0xFC);
        in.readU8();
        assertThat(rec.size()).isEqualTo(6);
    }

    @Test
    void rejectsALengthOverItsLimitBeforeReadingTheBody() {
        byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> RfbInput.of(huge).readLength("cut text length", 1024))
                .isInstanceOf(RfbProtocolException.class)
                .hasMessage("cut text length 4294967295 exceeds limit 1 KiB");
    }

    @Test
    void endOfStreamIsAnEofThatSaysWhere() {
        RfbInput in = RfbInput.of(new OneByteAtATimeInputStream(new byte[] {1, 2, 3}));
        assertThatThrownBy(in::readS32).isInstanceOf(EOFException.class).hasMessageContaining("at byte 0");
    }

    @Test
    void ensureMakesBytesContiguousWithoutConsumingThem() throws Exception {
        RfbInput in = RfbInput.of(new OneByteAtATimeInputStream(BYTES));
        in.skip(11);
        in.ensure(5);
        assertThat(new String(in.array(), in.arrayOffset(), 5)).isEqualTo("hello");
        assertThat(in.position()).isEqualTo(11);
    }

    @Test
    void ensureBeyondTheEndOfAnArrayInputIsTheEndOfTheData() throws Exception {
        // More than the whole array: the data ended, as for a stream, not a caller's mistake.
        RfbInput in = RfbInput.of(BYTES);
        in.readU8();
        assertThatThrownBy(() -> in.ensure(BYTES.length + 1)).isInstanceOf(EOFException.class)
                .hasMessageContaining("unexpected end of data");
        assertThatThrownBy(() -> RfbInput.of(new OneByteAtATimeInputStream(BYTES)).ensure(1 << 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A long array read with the buffer empty goes straight into it: same bytes, same position, same recording. */
    @Test
    void aLongReadBypassesTheBufferWithTheSameBytesPositionAndRecording() throws Exception {
        byte[] data = new byte[3 + 100_000 + 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        for (boolean oneByte : new boolean[]{true, false}) {
            RfbInput in = RfbInput.of(oneByte ? new OneByteAtATimeInputStream(data) : new java.io.ByteArrayInputStream(data));
            assertThat(in.readU16()).isEqualTo(((data[0] & 0xFF) << 8) | (data[1] & 0xFF));
            in.readU8();
            ByteArray rec = new ByteArray();
            in.startRecording(rec);
            byte[] body = in.readBytes(100_000);
            assertThat(body).isEqualTo(java.util.Arrays.copyOfRange(data, 3, 100_003));
            assertThat(in.position()).isEqualTo(100_003);
            assertThat(in.stopRecording().toByteArray()).isEqualTo(body);
            assertThat(in.readU16()).isEqualTo(((data[100_003] & 0xFF) << 8) | (data[100_004] & 0xFF));
            assertThat(in.position()).isEqualTo(data.length);
            assertThatThrownBy(in::readU8).isInstanceOf(EOFException.class).hasMessageContaining("at byte " + data.length);
        }
    }

    @Test
    void aLongReadCutShortIsAnEofThatSaysWhere() {
        RfbInput in = RfbInput.of(new java.io.ByteArrayInputStream(new byte[20_000]));
        assertThatThrownBy(() -> in.readFully(new byte[30_000], 0, 30_000))
                .isInstanceOf(EOFException.class).hasMessageContaining("at byte 20000");
    }
}
