package io.vncstream.rfb.handshake;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static io.vncstream.rfb.testing.Wire.build;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.readBothWays;
import static io.vncstream.rfb.testing.Wire.rejectedBothWays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandshakeMessagesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Nested
    class ProtocolVersions {
        @ParameterizedTest(name = "server {0} -> client answers {1}")
        @CsvSource({
                "'RFB 003.003\n', 'RFB 003.003\n'",
                "'RFB 003.004\n', 'RFB 003.003\n'",
                "'RFB 003.005\n', 'RFB 003.003\n'",
                "'RFB 003.006\n', 'RFB 003.003\n'",
                "'RFB 003.007\n', 'RFB 003.007\n'",
                "'RFB 003.008\n', 'RFB 003.008\n'",
                "'RFB 003.009\n', 'RFB 003.008\n'",
                "'RFB 003.889\n', 'RFB 003.008\n'",
        })
        void clientNegotiation(String greeting, String answer) throws Exception {
            ProtocolVersion server = readBothWays(ascii(greeting), ProtocolVersion::read);
            assertThat(server.negotiatedByClient().toBytes()).isEqualTo(ascii(answer));
        }

        @Test
        void readsTheNumbers() {
            assertThat(readBothWays(ascii("RFB 003.008\n"), ProtocolVersion::read)).isEqualTo(new ProtocolVersion(3, 8));
            assertThat(ProtocolVersion.V3_7.toBytes()).isEqualTo(hex("52 46 42 20 30 30 33 2e 30 30 37 0a"));
        }

        @Test
        void garbageGreetingSaysWhatTheServerSent() {
            assertThat(rejectedBothWays(ascii("SSH-2.0-Open"), ProtocolVersion::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("not an RFB server: it greeted with \"SSH-2.0-Open\"");
        }

        @Test
        void unprintableGreetingBytesAreEscaped() {
            assertThat(rejectedBothWays(hex("16 03 01 00 a5 01 00 00 a1 03 03 00"), ProtocolVersion::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("not an RFB server: it greeted with \"\\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03\\x00\"");
        }

        @Test
        void missingNewlineIsNotAGreeting() {
            assertThat(rejectedBothWays(ascii("RFB 003.008 "), ProtocolVersion::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageStartingWith("not an RFB server");
        }

        @Test
        void shortGreetingIsAnEof() {
            assertThat(rejectedBothWays(ascii("RFB 003"), ProtocolVersion::read))
                    .isInstanceOf(java.io.EOFException.class);
        }

        @Test
        void realVncFourAndFiveAreAnsweredWithThreeEight() throws Exception {
            assertThat(readBothWays(ascii("RFB 004.001\n"), ProtocolVersion::read).negotiatedByClient())
                    .isEqualTo(ProtocolVersion.V3_8);
            assertThat(readBothWays(ascii("RFB 005.000\n"), ProtocolVersion::read).negotiatedByClient())
                    .isEqualTo(ProtocolVersion.V3_8);
        }

        @Test
        void versionTwoIsRefusedByTheClient() throws Exception {
            ProtocolVersion v = readBothWays(ascii("RFB 002.009\n"), ProtocolVersion::read);
            assertThatThrownBy(v::negotiatedByClient)
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("server speaks RFB 2.9, older than 3.3");
        }

        @Test
        void serverSideAcceptance() throws Exception {
            assertThat(new ProtocolVersion(3, 5).acceptedByServer()).isEqualTo(ProtocolVersion.V3_3);
            assertThat(new ProtocolVersion(3, 7).acceptedByServer()).isEqualTo(ProtocolVersion.V3_7);
            assertThat(new ProtocolVersion(3, 8).acceptedByServer()).isEqualTo(ProtocolVersion.V3_8);
            assertThatThrownBy(() -> new ProtocolVersion(3, 2).acceptedByServer())
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("client asked for RFB 3.2, which this server does not speak");
        }
    }

    @Nested
    class Reasons {
        @Test
        void bothWays() {
            byte[] wire = hex("00 00 00 0b | 74 6f 6f 20 6d 61 6e 79 20 3a 28");
            assertThat(build(out -> Reason.write(out, "too many :("))).isEqualTo(wire);
            assertThat(readBothWays(wire, Reason::read)).isEqualTo("too many :(");
        }

        @Test
        void isUtf8() {
            byte[] wire = hex("00 00 00 08 | 6e 6f 70 65 20 e2 9c 97");
            assertThat(readBothWays(wire, Reason::read)).isEqualTo("nope \u2717");
        }

        @Test
        void empty() {
            assertThat(readBothWays(hex("00 00 00 00"), Reason::read)).isEmpty();
        }

        @Test
        void qemusTrailingNulIsNotPartOfTheText() {
            // QEMU's SecurityResult reason: "Authentication failed" and a NUL, counted in the length.
            byte[] wire = hex("00 00 00 16 | 41 75 74 68 65 6e 74 69 63 61 74 69 6f 6e 20 66 61 69 6c 65 64 00");
            assertThat(readBothWays(wire, Reason::read)).isEqualTo("Authentication failed");
        }

        @Test
        void controlCharactersBecomeOneSpacePerRun() {
            // An escape sequence and a forged second line, as a hostile server might send them.
            byte[] wire = hex("00 00 00 0e | 6e 6f 1b 5b 32 4a 0d 0a 6c 6f 67 3a 20 78");
            assertThat(readBothWays(wire, Reason::read)).isEqualTo("no [2J log: x");
        }

        @Test
        void aReasonRepeatingWhatFailedIsNotSaidTwice() {
            assertThat(Reason.after("authentication failed", "Authentication failed")).isEqualTo("authentication failed");
            assertThat(Reason.after("authentication failed", "Authentication failed: too many tries"))
                    .isEqualTo("authentication failed: too many tries");
            assertThat(Reason.after("authentication failed", "wrong password")).isEqualTo("authentication failed: wrong password");
        }

        @Test
        void oversizedReasonIsRejectedBeforeAllocating() {
            assertThat(rejectedBothWays(hex("7f ff ff ff"), Reason::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("reason length 2147483647 exceeds limit 64 KiB");
        }
    }

    @Nested
    class ServerInits {
        private final byte[] wire = hex("07 80 | 04 38 | 20 18 00 01 00 ff 00 ff 00 ff 10 08 00 00 00 00 | 00 00 00 04 | 74 65 73 74");

        @Test
        void bothWays() {
            ServerInit init = new ServerInit(1920, 1080, PixelFormat.TRUE_COLOUR_32, "test");
            assertThat(build(init::write)).isEqualTo(wire);
            assertThat(readBothWays(wire, ServerInit::read)).isEqualTo(init);
        }

        @Test
        void largestAcceptedDesktop() {
            // 16384 wide (the side limit) and 2025 high: exactly the 8K UHD pixel limit.
            byte[] max = concat(hex("40 00 07 e9"), java.util.Arrays.copyOfRange(wire, 4, wire.length));
            assertThat(readBothWays(max, ServerInit::read).width()).isEqualTo(16384);
        }

        @Test
        void desktopOfMorePixelsThan8kIsRejected() {
            byte[] big = concat(hex("40 00 07 ea"), java.util.Arrays.copyOfRange(wire, 4, wire.length));
            assertThat(rejectedBothWays(big, ServerInit::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ServerInit: framebuffer 16384x2026 (33193984 pixels) exceeds limit 33177600 pixels (8K UHD)");
        }

        @Test
        void desktopLargerThan16384IsRejected() {
            byte[] big = concat(hex("40 01 04 38"), java.util.Arrays.copyOfRange(wire, 4, wire.length));
            assertThat(rejectedBothWays(big, ServerInit::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ServerInit: framebuffer 16385x1080 exceeds limit 16384 per side");
        }

        @Test
        void oversizedNameIsRejected() {
            byte[] longName = concat(java.util.Arrays.copyOfRange(wire, 0, 20), hex("00 00 10 01"));
            assertThat(rejectedBothWays(longName, ServerInit::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ServerInit: desktop name length 4097 exceeds limit 4 KiB");
        }

        @Test
        void invalidPixelFormatIsRejected() {
            byte[] bad = wire.clone();
            bad[4] = 24;
            assertThat(rejectedBothWays(bad, ServerInit::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("pixel format: bits-per-pixel 24 is not 8, 16 or 32");
        }
    }

    @Nested
    class PixelFormatValidation {
        @Test
        void colourMapFormatsNeedNoChannels() {
            assertThat(readBothWays(hex("08 08 00 00 | 00 00 00 00 00 00 | 00 00 00 | 00 00 00"), PixelFormat::read))
                    .isEqualTo(new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', value = {
                "18 18 00 01 00ff 00ff 00ff 10 08 00 000000; pixel format: bits-per-pixel 24 is not 8, 16 or 32",
                "00 00 00 01 00ff 00ff 00ff 10 08 00 000000; pixel format: bits-per-pixel 0 is not 8, 16 or 32",
                "20 00 00 01 00ff 00ff 00ff 10 08 00 000000; pixel format: depth 0 does not fit 32 bits per pixel",
                "10 18 00 01 001f 003f 001f 0b 05 00 000000; pixel format: depth 24 does not fit 16 bits per pixel",
                "20 18 00 01 00fe 00ff 00ff 10 08 00 000000; pixel format: red-max 254 is not 2^n-1",
                "20 18 00 01 00ff 0000 00ff 10 08 00 000000; pixel format: green-max 0 is not 2^n-1",
                "20 18 00 01 00ff 00ff 00ff 10 08 19 000000; pixel format: blue channel (max 255, shift 25) does not fit 32 bits",
                "10 10 00 01 001f 003f 001f 0c 05 00 000000; pixel format: red channel (max 31, shift 12) does not fit 16 bits",
                "08 08 00 01 0007 0007 0003 05 02 20 000000; pixel format: blue channel (max 3, shift 32) does not fit 8 bits",
                "20 18 00 01 ffff 00ff 00ff 11 08 00 000000; pixel format: red channel (max 65535, shift 17) does not fit 32 bits",
        })
        void rejected(String bytes, String message) {
            assertThat(rejectedBothWays(hex(bytes), PixelFormat::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage(message);
        }

        @Test
        void bgr233IsAccepted() {
            PixelFormat pf = readBothWays(hex("08 08 00 01 0007 0007 0003 00 03 06 000000"), PixelFormat::read);
            assertThat(pf.redMax()).isEqualTo(7);
            assertThat(pf.blueShift()).isEqualTo(6);
        }
    }
}
