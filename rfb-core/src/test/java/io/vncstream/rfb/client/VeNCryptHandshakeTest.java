package io.vncstream.rfb.client;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.SecurityTypes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.rfb.client.ClientHandshakeTest.OK;
import static io.vncstream.rfb.client.ClientHandshakeTest.SHARED;
import static io.vncstream.rfb.client.ClientHandshakeTest.V37;
import static io.vncstream.rfb.client.ClientHandshakeTest.V38;
import static io.vncstream.rfb.client.ScriptedServer.SERVER_INIT;
import static io.vncstream.rfb.client.ScriptedServer.handshakeBothWays;
import static io.vncstream.rfb.client.ScriptedServer.rejectedBothWays;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * VeNCrypt 0.2's negotiation (security type 19) with literal bytes, whole and one byte at a
 * time: version, acknowledgement, sub-type list and choice, then Plain (the one sub-type
 * without TLS); the TLS sub-types are in {@link VeNCryptTlsConversationTest} and against Xvnc.
 */
class VeNCryptHandshakeTest {
    /** Security types: VeNCrypt only. */
    static final byte[] VENCRYPT_ONLY = hex("01 13");
    /** The server's version 0.2, and its acknowledgement of ours. */
    static final byte[] VERSION_02 = hex("00 02");
    static final byte[] ACK = hex("00");

    static ClientConfig plain(String user, String password, List<String> asked) {
        return new ClientConfig().securityTypes(SecurityTypes.parse("Plain")).credentials((server, known) -> {
            asked.add(server + " " + known);
            return new Credentials(user, password.toCharArray());
        }).user("alice");
    }

    @Nested
    class Plain {
        @Test
        void sendsLengthsThenUserThenPasswordInUtf8() {
            List<String> asked = new ArrayList<>();
            byte[] server = concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("01 | 00 00 01 00"), OK, SERVER_INIT);
            var outcome = handshakeBothWays(server, plain("alice", "s\u00e9cret", asked));
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("13"), VERSION_02, hex("00 00 01 00"),
                    hex("00 00 00 05 | 00 00 00 07"), hex("61 6c 69 63 65"), hex("73 c3 a9 63 72 65 74"), SHARED));
            assertThat(asked).as("asked with the user name known").containsOnly(ScriptedServer.SERVER_NAME + " alice");
        }

        @Test
        void isNeverChosenUnlessListed() {
            byte[] server = concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("01 | 00 00 01 00"));
            var failure = rejectedBothWays(server, new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("VeNCrypt: the server offers only [Plain], none of which the allowed security types"
                            + " (X509None,X509Vnc,X509Plain,TLSNone,TLSVnc,TLSPlain,None,VncAuth) include");
            assertThat(failure.clientSent()).as("no sub-type is chosen").isEqualTo(concat(V38, hex("13"), VERSION_02));
        }

        @Test
        void withoutAUserNameSaysSo() {
            byte[] server = concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("01 | 00 00 01 00"));
            ClientConfig config = new ClientConfig().securityTypes(SecurityTypes.parse("plain"))
                    .password(s -> "pw".toCharArray());
            var failure = rejectedBothWays(server, config);
            assertThat(failure.error()).hasMessage("the server " + ScriptedServer.SERVER_NAME
                    + " asks for a user name and password (Plain) and no user name was given");
        }

        @Test
        void aThreeSevenServerSendsTheSecurityResultToo() {
            byte[] server = concat(V37, VENCRYPT_ONLY, VERSION_02, ACK, hex("01 | 00 00 01 00"), OK, SERVER_INIT);
            var outcome = handshakeBothWays(server, plain("a", "b", new ArrayList<>()));
            assertThat(outcome.clientSent()).endsWith(concat(hex("00 00 00 01 | 00 00 00 01 | 61 | 62"), SHARED));
        }
    }

    @Nested
    class Choice {
        @Test
        void theFirstAllowedInTheUsersOrderWinsWhateverTheServersOrder() {
            // Offered: TLSNone, Plain, X509Vnc; the user's order puts Plain before TLS ones.
            byte[] server = concat(V38, VENCRYPT_ONLY, VERSION_02, ACK,
                    hex("03 | 00 00 01 01 | 00 00 01 00 | 00 00 01 05"), OK, SERVER_INIT);
            var outcome = handshakeBothWays(server, plain("u", "p", new ArrayList<>())
                    .securityTypes(SecurityTypes.parse("X509Plain,plain,TLSNone")));
            assertThat(outcome.clientSent()).startsWith(concat(V38, hex("13"), VERSION_02, hex("00 00 01 00")));
        }

        @Test
        void overBareStreamsTheTlsTypesAreLeftOutSoAVncAuthServerStillWorks() throws Exception {
            // TigerVNC's default offer: VeNCrypt (TLSVnc) and VncAuth. Without a transport, TLS
            // cannot start; VeNCrypt would only be worth choosing for Plain, which is not allowed.
            for (boolean oneByte : new boolean[] {false, true}) {
                byte[] server = concat(V38, hex("02 13 02"), ClientHandshakeTest.CHALLENGE, OK, SERVER_INIT);
                java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
                new ClientHandshake(io.vncstream.rfb.testing.Wire.input(server, oneByte), sent,
                        ClientHandshakeTest.password("secret", new ArrayList<>()), "bare").run();
                assertThat(sent.toByteArray()).startsWith(concat(V38, hex("02"), ClientHandshakeTest.SECRET_RESPONSE));
                ClientHandshake tlsOnly = new ClientHandshake(io.vncstream.rfb.testing.Wire.input(concat(V38, hex("01 13")),
                        oneByte), new java.io.ByteArrayOutputStream(),
                        new ClientConfig().securityTypes(SecurityTypes.parse("X509Vnc,TLSVnc")), "bare");
                org.assertj.core.api.Assertions.assertThatThrownBy(tlsOnly::run)
                        .isExactlyInstanceOf(RfbProtocolException.class)
                        .hasMessage("the allowed security types (X509Vnc,TLSVnc) all need TLS, which this connection"
                                + " (bare streams, no transport) cannot carry");
            }
        }

        @Test
        void unencryptedIsChosenWhenTheUserPutsItFirst() {
            var outcome = handshakeBothWays(concat(V38, hex("02 13 01"), OK, SERVER_INIT),
                    new ClientConfig().securityTypes(SecurityTypes.parse("None,X509Vnc")));
            assertThat(outcome.clientSent()).isEqualTo(concat(V38, hex("01"), SHARED));
        }

        @Test
        void encryptedOnlyRefusesAServerWithoutVencrypt() {
            var failure = rejectedBothWays(concat(V38, hex("02 01 02")),
                    new ClientConfig().securityTypes(SecurityTypes.parse("X509Vnc,TLSVnc")));
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("the server offers only security types [None, VNC Authentication], none of which the"
                            + " allowed security types (X509Vnc,TLSVnc) include");
            assertThat(failure.clientSent()).isEqualTo(V38);
        }

        @Test
        void aThreeThreeServerRequiringAForbiddenTypeIsRefused() {
            var failure = rejectedBothWays(concat(ClientHandshakeTest.V33, hex("00 00 00 01")),
                    new ClientConfig().securityTypes(SecurityTypes.parse("X509None")));
            assertThat(failure.error()).hasMessage("the server requires security None, which the allowed security"
                    + " types (X509None) exclude");
        }
    }

    @Nested
    class BadNegotiation {
        @Test
        void anOlderVersionIsAnsweredWithZeroAndRefused() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, hex("00 01")), new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("VeNCrypt: the server speaks version 0.1, vncstream only 0.2");
            assertThat(failure.clientSent()).isEqualTo(concat(V38, hex("13"), hex("00 00")));
        }

        @Test
        void aRefusedVersionIsSaid() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, VERSION_02, hex("ff")), new ClientConfig());
            assertThat(failure.error()).hasMessage("VeNCrypt: the server did not accept version 0.2");
        }

        @Test
        void anEmptySubTypeListIsSaid() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("00")), new ClientConfig());
            assertThat(failure.error()).hasMessage("VeNCrypt: the server offers no sub-types");
        }

        @Test
        void aListOverTheLimitIsRefusedBeforeReadingIt() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("21")), new ClientConfig());
            assertThat(failure.error()).isExactlyInstanceOf(RfbProtocolException.class)
                    .hasMessage("VeNCrypt: the server offers 33 sub-types, more than the limit of 32");
        }

        @Test
        void unknownSubTypesAreNamedAsNumbers() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("02 | 00 00 00 13 | ff ff ff ff")),
                    new ClientConfig().securityTypes(SecurityTypes.parse("X509Vnc")));
            assertThat(failure.error()).hasMessage("VeNCrypt: the server offers only [VeNCrypt, unknown], none of"
                    + " which the allowed security types (X509Vnc) include");
        }

        @Test
        void aTruncatedListIsAnEof() {
            var failure = rejectedBothWays(concat(V38, VENCRYPT_ONLY, VERSION_02, ACK, hex("02 | 00 00 01 00 | 00 00")),
                    new ClientConfig());
            assertThat(failure.error()).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void securityTypeNamesAreTigerVncsInAnyCase() {
        assertThat(SecurityTypes.parse(" x509vnc, TLSNONE ,none,x509Vnc").order())
                .containsExactly(SecurityType.X509_VNC, SecurityType.TLS_NONE, SecurityType.NONE);
        assertThat(SecurityTypes.parse("X509Vnc,TLSVnc").encryptedOnly()).isTrue();
        assertThat(SecurityTypes.DEFAULT.encryptedOnly()).isFalse();
        assertThat(SecurityTypes.DEFAULT.allows(SecurityType.PLAIN)).as("Plain only when listed").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurityTypes.parse("X509Vnc,RA2"))
                .hasMessage("unknown security type 'RA2' (expected some of X509Vnc, X509None, X509Plain, TLSVnc,"
                        + " TLSNone, TLSPlain, VncAuth, None, Plain)");
        assertThat(ConnectionSecurity.unencrypted(SecurityType.VNC_AUTH).summary())
                .isEqualTo("VNC Authentication, unencrypted");
    }
}
