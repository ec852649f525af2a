package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.testing.OneByteAtATimeInputStream;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The VeNCrypt negotiation before TLS, as literal bytes delivered one per read. */
class ServerVeNCryptBytesTest {
    private static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    private static ServerSecurity tlsWithPassword;
    private static ServerSecurity tlsWithoutPassword;

    @BeforeAll
    static void makeCertificates(@TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.create(dir, "test CA");
        ServerTls tls = ca.serverTls(ca.server("server", "DNS:localhost,IP:127.0.0.1"));
        tlsWithPassword = ServerSecurity.vncAuth("secret".toCharArray()).withTls(tls, false);
        tlsWithoutPassword = ServerSecurity.NONE.withTls(tls, false);
    }

    private static ServerHandshake handshake(ServerSecurity security, byte[] client, ByteArrayOutputStream server) {
        return new ServerHandshake(RfbInput.of(new OneByteAtATimeInputStream(client)), server, security);
    }

    @Test
    void anotherVeNCryptVersionIsAnsweredWithFailureStatus() {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        ServerHandshake h = handshake(tlsWithPassword, concat(VERSION, hex("13 | 00 01")), server);
        assertThatThrownBy(h::run).isInstanceOf(RfbProtocolException.class)
                .hasMessage("client asked for VeNCrypt 0.1; only 0.2 is supported");
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("01 13 | 00 02 | ff")));
    }

    @Test
    void offersX509VncWithAPasswordAndRefusesAnotherSubType() {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        ServerHandshake h = handshake(tlsWithPassword, concat(VERSION, hex("13 | 00 02 | 00 00 01 03")), server);
        assertThatThrownBy(h::run).isInstanceOf(RfbProtocolException.class)
                .hasMessage("client chose VeNCrypt TLSPlain, but only X509Vnc was offered");
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("01 13 | 00 02 | 00 | 01 00 00 01 05")));
    }

    @Test
    void offersX509NoneWithoutAPasswordThenGoesAheadWithTls() {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        // The client chooses X509None, then hangs up instead of sending its TLS hello.
        ServerHandshake h = handshake(tlsWithoutPassword, concat(VERSION, hex("13 | 00 02 | 00 00 01 04")), server);
        assertThatThrownBy(h::run).isInstanceOf(EOFException.class);
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("01 13 | 00 02 | 00 | 01 00 00 01 04 | 01")));
    }

    @Test
    void anRfb33ClientIsRefusedWithAReasonWhenOnlyTlsIsAccepted() {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        ServerHandshake h = handshake(tlsWithPassword, "RFB 003.003\n".getBytes(StandardCharsets.US_ASCII), server);
        assertThatThrownBy(h::run).isInstanceOf(RfbProtocolException.class)
                .hasMessageStartingWith("refused an RFB 3.3 client: this server accepts only encrypted connections");
        String reason = "this server accepts only encrypted connections, which need RFB 3.7 or later";
        byte[] reasonBytes = reason.getBytes(StandardCharsets.US_ASCII);
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("00 00 00 00"),
                hex(String.format("%08x", reasonBytes.length)), reasonBytes));
    }

    @Test
    void anRfb33ClientGetsThePlainTypeWhenUnencryptedIsAllowed() throws Exception {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        ServerSecurity security = ServerSecurity.NONE.withTls(tlsWithoutPassword.tls(), true);
        ServerHandshake h = handshake(security, concat("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII), hex("01")), server);
        h.run();
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("00 00 00 01")));
        assertThat(h.encryption()).isNull();
        assertThat(h.shared()).isTrue();
    }

    @Test
    void withoutTlsNothingChanges() throws Exception {
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        ServerHandshake h = handshake(ServerSecurity.NONE, concat(VERSION, hex("01 | 00")), server);
        h.run();
        assertThat(server.toByteArray()).isEqualTo(concat(VERSION, hex("01 01 | 00 00 00 00")));
    }

    @Test
    void aServerWithoutTlsMustAcceptUnencrypted() {
        assertThatThrownBy(() -> new ServerSecurity(null, null, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
