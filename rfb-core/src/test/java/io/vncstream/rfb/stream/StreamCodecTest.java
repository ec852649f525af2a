package io.vncstream.rfb.stream;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.client.RecordingHandler;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.vncstream.rfb.testing.Wire.build;
import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.readBothWays;
import static io.vncstream.rfb.testing.Wire.rejectedBothWays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream extension codec, held byte for byte to the worked example of stream-extension.md. */
class StreamCodecTest {
    static final byte[] CLIENT_START_SERIAL0 = hex("ff 02 00 | 00 00 00 07 | 73 65 72 69 61 6c 30");
    static final byte[] SERVER_CAPTURE_1 = hex("ff 02 00 | 00 00 00 01 | 00 00 00 07 | 73 65 72 69 61 6c 30");
    static final byte[] CLIENT_SENDS_LS = hex("ff 02 02 | 00 00 00 01 | 00 00 00 03 | 6c 73 0d");
    static final byte[] HOT_PLUG_CONSOLE1 = hex("00 00 00 01 | 00 00 00 00 00 00 00 00 ff ff fe fc | 00 00 00 08 | 63 6f 6e 73 6f 6c 65 31");

    /** The bytes after the 255 and 2 header bytes: what the read methods take. */
    private static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 2, message.length);
    }

    @Nested
    class WorkedExample {
        @Test
        void clientAsksForSerial0() {
            assertThat(new StartCapture("serial0").toBytes()).isEqualTo(CLIENT_START_SERIAL0);
            assertThat(readBothWays(body(CLIENT_START_SERIAL0), StreamMessage::readFromClient))
                    .isEqualTo(new StartCapture("serial0"));
        }

        @Test
        void serverGrantsCaptureId1() {
            assertThat(new CaptureStarted(1, "serial0").toBytes()).isEqualTo(SERVER_CAPTURE_1);
            CaptureStarted read = (CaptureStarted) readBothWays(body(SERVER_CAPTURE_1), StreamMessage::readFromServer);
            assertThat(read).isEqualTo(new CaptureStarted(1, "serial0"));
            assertThat(read.refused()).isFalse();
        }

        @Test
        void clientTypesLsReturn() {
            SendData ls = new SendData(1, "ls\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(ls.toBytes()).isEqualTo(CLIENT_SENDS_LS);
            assertThat(readBothWays(body(CLIENT_SENDS_LS), StreamMessage::readFromClient)).isEqualTo(ls);
        }

        @Test
        void deviceOutputHasTheSameFormFromTheServer() {
            assertThat(readBothWays(body(CLIENT_SENDS_LS), StreamMessage::readFromServer))
                    .isEqualTo(new SendData(1, new byte[]{0x6c, 0x73, 0x0d}));
        }

        @Test
        void console1IsHotPlugged() {
            assertThat(new DeviceNotice(true, "console1").toUpdateMessage()).isEqualTo(HOT_PLUG_CONSOLE1);
        }

        @Test
        void hotPlugThroughTheServerMessageReader() {
            var out = RecordingHandler.readBothWays(HOT_PLUG_CONSOLE1, 1, 4, 2, PixelFormat.TRUE_COLOUR_32);
            assertThat(out.handler().objects).containsExactly(new DeviceNotice(true, "console1"));
            assertThat(out.events()).containsExactly("device added console1", "update");
            assertThat(out.lastUpdateAnswered()).as("an unsolicited notice answers no request").isFalse();
        }

        @Test
        void theWholeConversationThroughTheServerMessageReader() {
            byte[] fromServer = io.vncstream.rfb.testing.Wire.concat(
                    HOT_PLUG_CONSOLE1, SERVER_CAPTURE_1, hex("ff 02 02 | 00 00 00 01 | 00 00 00 02 | 6c 73"),
                    hex("ff 02 01 | 00 00 00 01"));
            var out = RecordingHandler.readBothWays(fromServer, 4, 4, 2, PixelFormat.TRUE_COLOUR_32);
            assertThat(out.handler().objects).containsExactly(
                    new DeviceNotice(true, "console1"),
                    new CaptureStarted(1, "serial0"),
                    new SendData(1, new byte[]{0x6c, 0x73}),
                    new EndCapture(1));
            assertThat(out.types()).containsExactly(0, 255, 255, 255);
        }
    }

    @Nested
    class OtherMessages {
        @Test
        void endCaptureEitherWay() {
            byte[] wire = hex("ff 02 01 | 00 00 00 2a");
            assertThat(new EndCapture(42).toBytes()).isEqualTo(wire);
            assertThat(readBothWays(body(wire), StreamMessage::readFromClient)).isEqualTo(new EndCapture(42));
            assertThat(readBothWays(body(wire), StreamMessage::readFromServer)).isEqualTo(new EndCapture(42));
        }

        @Test
        void refusedCapture() {
            byte[] wire = hex("ff 02 00 | 00 00 00 00 | 00 00 00 04 | 6e 6f 70 65");
            CaptureStarted refused = new CaptureStarted(CaptureStarted.REFUSED, "nope");
            assertThat(refused.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(body(wire), StreamMessage::readFromServer)).isEqualTo(refused);
            assertThat(refused.refused()).isTrue();
        }

        @Test
        void captureIdsAreUnsigned32Bit() {
            byte[] wire = hex("ff 02 02 | ff ff ff fe | 00 00 00 00");
            SendData empty = new SendData(0xfffffffe, new byte[0]);
            assertThat(empty.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(body(wire), StreamMessage::readFromClient)).isEqualTo(empty);
            assertThat(empty.toString()).isEqualTo("SendData[captureId=4294967294, 0 bytes]");
        }

        @Test
        void deviceRemoved() {
            byte[] rect = hex("00 01 00 00 00 00 00 00 ff ff fe fc | 00 00 00 07 | 73 65 72 69 61 6c 30");
            assertThat(build(new DeviceNotice(false, "serial0")::write)).isEqualTo(rect);
        }

        @Test
        void namesAreUtf8WithoutTerminator() {
            byte[] wire = hex("ff 02 00 | 00 00 00 06 | 74 74 79 c3 a9 31");
            assertThat(new StartCapture("tty\u00e91").toBytes()).isEqualTo(wire);
            assertThat(readBothWays(body(wire), StreamMessage::readFromClient)).isEqualTo(new StartCapture("tty\u00e91"));
        }

        @Test
        void noticeRecognition() {
            assertThat(DeviceNotice.isNotice(new io.vncstream.rfb.decode.RectHeader(0, 0, 0, 0, -260))).isTrue();
            assertThat(DeviceNotice.isNotice(new io.vncstream.rfb.decode.RectHeader(0, 0, 1, 0, -260))).isFalse();
            assertThat(DeviceNotice.isNotice(new io.vncstream.rfb.decode.RectHeader(0, 0, 0, 0, -223))).isFalse();
        }
    }

    @Nested
    class Limits {
        @Test
        void nameOf255BytesIsAccepted() {
            String name = "n".repeat(255);
            byte[] wire = new StartCapture(name).toBytes();
            assertThat(readBothWays(body(wire), StreamMessage::readFromClient)).isEqualTo(new StartCapture(name));
            DeviceNotice.checkName(name);
        }

        @Test
        void nameOf256BytesIsRejectedFromTheClient() {
            assertThat(rejectedBothWays(hex("00 | 00 00 01 00"), StreamMessage::readFromClient))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream start capture: name length 256 exceeds limit 255 bytes");
        }

        @Test
        void nameOf256BytesIsRejectedFromTheServer() {
            assertThat(rejectedBothWays(hex("00 | 00 00 00 01 | 00 00 01 00"), StreamMessage::readFromServer))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream start capture: name length 256 exceeds limit 255 bytes");
        }

        /** Found by ViewerStreamMessagesFuzzTest: the gateway answered "n\7op\x82" with a U+FFFD in place of 0x82. */
        @Test
        void nameThatIsNotUtf8IsRejected() {
            assertThat(rejectedBothWays(hex("00 | 00 00 00 04 | 6e 6f 70 82"), StreamMessage::readFromClient))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream start capture: name of 4 bytes is not valid UTF-8");
            assertThat(rejectedBothWays(hex("00 | 00 00 00 01 | 00 00 00 02 | c3 28"), StreamMessage::readFromServer))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream start capture: name of 2 bytes is not valid UTF-8");
        }

        @Test
        void checkNameCountsUtf8Bytes() {
            assertThatThrownBy(() -> DeviceNotice.checkName("\u00e9".repeat(128)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("device name must be 1 to 255 bytes of UTF-8");
            assertThatThrownBy(() -> DeviceNotice.checkName(""))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void sendDataOver1MiBIsRejectedBeforeAllocating() {
            assertThat(rejectedBothWays(hex("02 | 00 00 00 01 | ff ff ff ff"), StreamMessage::readFromClient))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream send data: length 4294967295 exceeds limit 1 MiB");
            assertThat(rejectedBothWays(hex("02 | 00 00 00 01 | 00 10 00 01"), StreamMessage::readFromServer))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream send data: length 1048577 exceeds limit 1 MiB");
        }

        @Test
        void sendDataOfExactly1MiB() {
            byte[] data = new byte[1024 * 1024];
            data[data.length - 1] = 7;
            byte[] wire = new SendData(3, data).toBytes();
            assertThat(wire).hasSize(3 + 4 + 4 + 1024 * 1024);
            assertThat(readBothWays(body(wire), StreamMessage::readFromClient)).isEqualTo(new SendData(3, data));
        }

        @Test
        void unknownOperations() {
            assertThat(rejectedBothWays(hex("03"), StreamMessage::readFromClient))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream message: unknown operation 3 from client");
            assertThat(rejectedBothWays(hex("ff"), StreamMessage::readFromServer))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("stream message: unknown operation 255 from server");
        }
    }

    @Test
    void writersProduceNoPadding() {
        ByteArray out = new ByteArray();
        new EndCapture(1).write(out);
        new StartCapture("a").write(out);
        assertThat(out.toByteArray()).isEqualTo(hex("ff 02 01 00 00 00 01 | ff 02 00 00 00 00 01 61"));
    }
}
