package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.OneByteAtATimeInputStream;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * A server's side of a VeNCrypt handshake as the client reads it over a transport, every
 * sub-type allowed (Plain too): version and acknowledgement, the sub-type list, Plain's
 * SecurityResult, and for the TLS sub-types the go-ahead byte and whatever the server then sends
 * as its TLS handshake (the JDK's parser, which must fail in one line too). The first byte chooses
 * one byte per read (0x80); the rest is the server's.
 */
class VeNCryptFuzzTest {
    static final SecurityTypes EVERY = SecurityTypes.parse(
            "X509Vnc,X509Plain,X509None,TLSVnc,TLSPlain,TLSNone,Plain,VncAuth,None");

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void clientNegotiatesVeNCrypt(byte[] data) {
        boolean oneByte = data.length > 0 && (data[0] & 0x80) != 0;
        byte[] wire = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
        InputStream in = oneByte ? new OneByteAtATimeInputStream(wire) : new ByteArrayInputStream(wire);
        Transport transport = Transport.of(in, OutputStream.nullOutputStream(), in, "fuzz");
        ClientConfig config = new ClientConfig().securityTypes(EVERY).connectTimeout(Duration.ofSeconds(8))
                .password(server -> "secret".toCharArray())
                .credentials((server, user) -> new Credentials("fuzz", "secret".toCharArray()));
        FuzzContract.holds(() -> new ClientHandshake(transport, config, "fuzz", "fuzz.example", 5900).run());
    }
}
