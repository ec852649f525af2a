package io.vncstream.rfb.client;

import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.rfb.client.ScriptedServer.SERVER_INIT;
import static io.vncstream.rfb.client.ScriptedServer.ascii;
import static io.vncstream.rfb.client.ScriptedServer.handshakeBothWays;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** The client's handshake against scripted servers of each protocol version and security type. */
class ClientHandshakeTest {
    static final byte[] V33 = ascii("RFB 003.003\n");
    static final byte[] V37 = ascii("RFB 003.007\n");
    static final byte[] V38 = ascii("RFB 003.008\n");
    static final byte[] CHALLENGE = hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
    static final byte[] OK = hex("00 00 00 00");
    /** ClientInit with the shared flag set, the default. */
    static final byte[] SHARED = hex("01");
    /**
     * DES of CHALLENGE under "secret" with mirrored key bytes, from an implementation other than
     * the JDK's: {@code openssl enc -des-ecb -provider legacy -provider default -K cea6c64ea62e0000 -nopad}.
     */
    static final byte[] SECRET_RESPONSE = hex("ee 22 53 9f 33 a5 98 3e c1 2f 9c 2e db c9 95 dd");

    private static ClientConfig noPassword() {
        return new ClientConfig();
    }

    static ClientConfig password(String password, List<String> askedFor) {
        return new ClientConfig().password(server -> {
            askedFor.add(server);
            return password.toCharArray();
        });
    }

    @Nested
    class Versions {
        @Test
        void threeThreeNone() {
            var outcome = handshakeBothWays(concat(V33, hex("00 00 00 01"), SERVER_INIT), noPassword());
            assertThat(outcome.version()).isEqualTo(ProtocolVersion.V3_3);
            assertThat(outcome.clientSent()).isEqualTo(concat(V33, SHARED));
            assertThat(outcome.init()).isEqualTo(new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "test"));
        }

        @Test
        void threeSevenNoneHasNoSecurityResult() {
            var outcome = handshakeBothWays(concat(V37, hex("01 01"), SERVER_INIT), noPassword());
            assertThat(outcome.version()).isEqualTo(ProtocolVersion.V3_7);
            assertThat(outcome.clientSent()).isEqualTo(concat(V37, hex("01"), SHARED));
        }

        @Test
        void threeEightNoneHasASecurityResult() {
            var outcome = handshakeBothWays(concat(V38, hex("01 01"), OK, SERVER_INIT), noPassword());
            assertThat(outcome.version()).isEqualTo(ProtocolVersion.V3_8);
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("01"), SHARED));
            assertThat(outcome.init().name()).isEqualTo("test");
        }

        @ParameterizedTest(name = "server {0} is spoken to as {1}")
        @CsvSource({"3, 4, 3.3", "3, 5, 3.3", "3, 6, 3.3"})
        void threeFourToThreeSixAreThreeThree(int major, int minor, String spoken) {
            byte[] greeting = ascii(String.format("RFB %03d.%03d\n", major, minor));
            var outcome = handshakeBothWays(concat(greeting, hex("00 00 00 01"), SERVER_INIT), noPassword());
            assertThat(outcome.version()).hasToString(spoken);
            assertThat(outcome.clientSent()).isEqualTo(concat(V33, SHARED));
        }

        @ParameterizedTest(name = "server {0}.{1} is spoken to as 3.8")
        @CsvSource({"3, 9", "3, 889", "4, 0", "4, 1", "5, 0"})
        void laterVersionsAreThreeEight(int major, int minor) {
            byte[] greeting = ascii(String.format("RFB %03d.%03d\n", major, minor));
            var outcome = handshakeBothWays(concat(greeting, hex("01 01"), OK, SERVER_INIT), noPassword());
            assertThat(outcome.version()).isEqualTo(ProtocolVersion.V3_8);
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("01"), SHARED));
        }

        @Test
        void exclusiveClientSendsSharedFlagZero() {
            var outcome = handshakeBothWays(concat(V38, hex("01 01"), OK, SERVER_INIT), noPassword().shared(false));
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("01"), hex("00")));
        }
    }

    @Nested
    class VncAuthentication {
        @Test
        void theResponseIsTheChallengeUnderTheMirroredPasswordKey() throws Exception {
            assertThat(spec("secret", CHALLENGE)).isEqualTo(SECRET_RESPONSE);
        }

        @Test
        void threeThree() {
            List<String> asked = new ArrayList<>();
            var outcome = handshakeBothWays(concat(V33, hex("00 00 00 02"), CHALLENGE, OK, SERVER_INIT),
                    password("secret", asked));
            assertThat(outcome.clientSent()).isEqualTo(concat(V33, SECRET_RESPONSE, SHARED));
            assertThat(asked).containsOnly(ScriptedServer.SERVER_NAME);
        }

        @Test
        void threeSevenChoosesVncAuthAmongUnsupportedTypes() {
            byte[] offer = hex("03 | 10 05 02"); // Tight, RA2, VNC Authentication
            var outcome = handshakeBothWays(concat(V37, offer, CHALLENGE, OK, SERVER_INIT), password("secret", new ArrayList<>()));
            assertThat(outcome.clientSent()).isEqualTo(concat(V37, hex("02"), SECRET_RESPONSE, SHARED));
        }

        @Test
        void threeEight() {
            var outcome = handshakeBothWays(concat(V38, hex("01 02"), CHALLENGE, OK, SERVER_INIT),
                    password("secret", new ArrayList<>()));
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("02"), SECRET_RESPONSE, SHARED));
        }

        @Test
        void noneIsPreferredWhenBothAreOffered() {
            List<String> asked = new ArrayList<>();
            var outcome = handshakeBothWays(concat(V38, hex("02 02 01"), OK, SERVER_INIT), password("secret", asked));
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("01"), SHARED));
            assertThat(asked).as("no password is asked for").isEmpty();
        }

        @ParameterizedTest(name = "password \"{0}\"")
        @CsvSource({"'', empty", "a, one byte", "eightchr, exactly eight", "longer-than-eight, only eight count",
                "caf\u00e9, Latin-1"})
        void responsesFollowTheSpecRule(String password, String why) throws Exception {
            byte[] challenge = hex("d3 1c 6a 00 ff 80 7f 01 10 20 30 40 50 60 70 81");
            var outcome = handshakeBothWays(concat(V38, hex("01 02"), challenge, OK, SERVER_INIT),
                    password(password, new ArrayList<>()));
            assertThat(outcome.clientSent()).as(why).isEqualTo(concat(V38, hex("02"), spec(password, challenge), SHARED));
        }
    }

    /**
     * The response as RFC 6143 7.2.2 and every implementation compute it: the password's first 8
     * Latin-1 bytes, zero padded, each byte with its bit order reversed, as a DES key for the
     * challenge. Written out here, independently of VncAuth.
     */
    static byte[] spec(String password, byte[] challenge) throws Exception {
        byte[] pw = password.getBytes(StandardCharsets.ISO_8859_1);
        byte[] key = new byte[8];
        for (int i = 0; i < 8 && i < pw.length; i++) {
            int reversed = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((pw[i] & (1 << bit)) != 0) {
                    reversed |= 0x80 >> bit;
                }
            }
            key[i] = (byte) reversed;
        }
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        return des.doFinal(challenge);
    }
}
