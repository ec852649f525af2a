package io.vncstream.rfb.client;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.security.AuthenticationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

import static io.vncstream.rfb.client.ClientHandshakeTest.CHALLENGE;
import static io.vncstream.rfb.client.ClientHandshakeTest.OK;
import static io.vncstream.rfb.client.ClientHandshakeTest.SECRET_RESPONSE;
import static io.vncstream.rfb.client.ClientHandshakeTest.V33;
import static io.vncstream.rfb.client.ClientHandshakeTest.V37;
import static io.vncstream.rfb.client.ClientHandshakeTest.V38;
import static io.vncstream.rfb.client.ClientHandshakeTest.password;
import static io.vncstream.rfb.client.ScriptedServer.SERVER_INIT;
import static io.vncstream.rfb.client.ScriptedServer.handshakeBothWays;
import static io.vncstream.rfb.client.ScriptedServer.rejectedBothWays;
import static io.vncstream.rfb.testing.Wire.build;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** How the client handshake ends when the server says no, or says something it must not. */
class ClientHandshakeFailuresTest {
    private static final byte[] FAILED = hex("00 00 00 01");

    private static byte[] reason(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return build(out -> out.u32(b.length).bytes(b));
    }

    private static ClientConfig secret() {
        return password("secret", new ArrayList<>());
    }

    @Nested
    class SecurityResults {
        @Test
        void threeEightFailureShowsTheServersReason() {
            var failure = rejectedBothWays(concat(V38, hex("01 02"), CHALLENGE, FAILED, reason("Authentication failure")),
                    secret());
            assertThat(failure.error()).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("authentication failed: Authentication failure");
            assertThat(failure.clientSent()).as("no ClientInit after a failure")
                    .isEqualTo(concat(V38, hex("02"), SECRET_RESPONSE));
        }

        @Test
        void threeEightFailureOfSecurityNoneShowsTheReason() {
            var failure = rejectedBothWays(concat(V38, hex("01 01"), FAILED, reason("view-only slots are full")),
                    new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("authentication failed: view-only slots are full");
        }

        @Test
        void anEmptyReasonIsSaidToBeEmpty() {
            var failure = rejectedBothWays(concat(V38, hex("01 02"), CHALLENGE, FAILED, reason("")), secret());
            assertThat(failure.error()).hasMessage("authentication failed: no reason given");
        }

        @Test
        void threeSevenAndThreeThreeSendNoReasonSoTheClientReadsNone() {
            // The scripts end right after the result: reading a reason would be an EOF instead.
            var v37 = rejectedBothWays(concat(V37, hex("01 02"), CHALLENGE, FAILED), secret());
            assertThat(v37.error()).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("authentication failed: wrong password");
            var v33 = rejectedBothWays(concat(V33, hex("00 00 00 02"), CHALLENGE, FAILED), secret());
            assertThat(v33.error()).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("authentication failed: wrong password");
            assertThat(v33.clientSent()).isEqualTo(concat(V33, SECRET_RESPONSE));
        }

        @Test
        void anOversizedReasonIsRejectedBeforeAllocating() {
            var failure = rejectedBothWays(concat(V38, hex("01 02"), CHALLENGE, FAILED, hex("7f ff ff ff")), secret());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("reason length 2147483647 exceeds limit 64 KiB");
        }

        @Test
        void aPasswordWithNoWayToGetOneSaysSo() {
            var failure = rejectedBothWays(concat(V38, hex("01 02"), CHALLENGE), new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("the server scripted:5900 asks for a password and none was given");
            assertThat(failure.clientSent()).isEqualTo(concat(V38, hex("02")));
        }

        @Test
        void aServerThatHangsUpInTheChallengeIsAnEof() {
            byte[] half = Arrays.copyOf(CHALLENGE, 7);
            assertThat(rejectedBothWays(concat(V38, hex("01 02"), half), secret()).error())
                    .isInstanceOf(EOFException.class);
        }
    }

    @Nested
    class Refusals {
        @Test
        void threeEightRefusalShowsTheReason() {
            var failure = rejectedBothWays(concat(V38, hex("00"), reason("Too many security failures")),
                    new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(ConnectionRefusedException.class)
                    .hasMessage("the server refused the connection: Too many security failures");
            assertThat(failure.clientSent()).isEqualTo(V38);
        }

        @Test
        void threeSevenRefusalShowsTheReason() {
            var failure = rejectedBothWays(concat(V37, hex("00"), reason("max clients reached")), new ClientConfig());
            assertThat(failure.error()).hasMessage("the server refused the connection: max clients reached");
        }

        @Test
        void threeThreeRefusalShowsTheReason() {
            var failure = rejectedBothWays(concat(V33, hex("00 00 00 00"), reason("Too many security failures")),
                    new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(ConnectionRefusedException.class)
                    .hasMessage("the server refused the connection: Too many security failures");
            assertThat(failure.clientSent()).isEqualTo(V33);
        }

        @Test
        void aRefusalWithoutReasonSaysSo() {
            var failure = rejectedBothWays(concat(V38, hex("00"), reason("")), new ClientConfig());
            assertThat(failure.error()).hasMessage("the server refused the connection: no reason given");
        }

        @Test
        void aReasonOfExactlyTheLimitIsShown() {
            String longest = "x".repeat(64 * 1024);
            var failure = rejectedBothWays(concat(V38, hex("00"), reason(longest)), new ClientConfig());
            assertThat(failure.error()).hasMessage("the server refused the connection: " + longest);
        }

        @Test
        void aReasonOneByteOverTheLimitIsRejectedBeforeAllocating() {
            var v38 = rejectedBothWays(concat(V38, hex("00 | 00 01 00 01")), new ClientConfig());
            assertThat(v38.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("reason length 65537 exceeds limit 64 KiB");
            var v33 = rejectedBothWays(concat(V33, hex("00 00 00 00 | ff ff ff ff")), new ClientConfig());
            assertThat(v33.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("reason length 4294967295 exceeds limit 64 KiB");
        }
    }

    @Nested
    class SecurityTypeLists {
        private byte[] types(int count, int last) {
            byte[] list = new byte[1 + count];
            list[0] = (byte) count;
            Arrays.fill(list, 1, count, (byte) 16);
            list[count] = (byte) last;
            return list;
        }

        @Test
        void aListAtTheLimitIsRead() {
            var outcome = handshakeBothWays(concat(V38, types(64, 2), CHALLENGE, OK, SERVER_INIT), secret());
            assertThat(outcome.clientSent()).startsWith(concat(V38, hex("02")));
        }

        @Test
        void tooManySecurityTypesAreRejectedAgainstTheLimit() {
            var failure = rejectedBothWays(concat(V38, types(65, 2), CHALLENGE, OK, SERVER_INIT), secret());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("security types: the server offers 65, more than the limit of 64");
            assertThat(failure.clientSent()).isEqualTo(V38);
        }

        @Test
        void onlyUnsupportedTypesAreNamed() {
            var failure = rejectedBothWays(concat(V38, hex("02 10 05")), secret());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("the server offers only security types [Tight, RA2], none of which vncstream"
                            + " supports (None, VNC Authentication, VeNCrypt)");
            assertThat(failure.clientSent()).as("no type is chosen").isEqualTo(V38);
        }

        @Test
        void threeThreeServerRequiringAnUnsupportedTypeIsNamed() {
            var failure = rejectedBothWays(concat(V33, hex("00 00 00 10")), secret());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("the server requires security Tight, which vncstream does not support");
        }

        @Test
        void aTruncatedListIsAnEof() {
            assertThat(rejectedBothWays(concat(V38, hex("03 10 13")), secret()).error()).isInstanceOf(EOFException.class);
        }
    }
}
