package io.vncstream.rfb.fuzz;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.client.ServerMessageReader;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;
import io.vncstream.rfb.server.ServerHandshake;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-made seeds (scripts/make-fuzz-seeds.py) are valid protocol, so that the fuzz tests'
 * regression runs walk the real decoding paths rather than stopping at the first byte: each
 * message seed is read to its last byte, each handshake seed ends as its name says. Inputs that
 * fuzzing found (crash-*) are excluded: they are meant to be rejected.
 */
class FuzzSeedsTest {
    @Test
    void serverMessageSeedsAreReadToTheirLastByte() throws Exception {
        Map<String, byte[]> seeds = seeds("ServerMessagesFuzzTestInputs/clientReadsServerMessages");
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(10);
        seeds.forEach((name, data) -> {
            FuzzInput input = FuzzInput.of(data);
            ServerMessageReader reader = new ServerMessageReader(input.in(), new DecodeContext(input.format()),
                    new Framebuffer(64, 48), new RfbClientHandler() { });
            assertReadToEnd(name, data, input.in(), reader::readMessage);
        });
    }

    @Test
    void theRelayFramesEverySeedButTheStreamExtensionsOwnMessages() throws Exception {
        seeds("ServerMessagesFuzzTestInputs/relayFramesServerMessages").forEach((name, data) -> {
            FuzzInput input = FuzzInput.of(data);
            ServerMessageFramer framer = new ServerMessageFramer(input.in(), new ServerInit(64, 48, input.format(), "seed"));
            if (name.startsWith("stream-extension")) {
                assertThatThrownBy(() -> {
                    while (true) {
                        framer.next();
                    }
                }).as(name).isInstanceOf(RfbProtocolException.class).hasMessageContaining("cannot frame");
            } else {
                assertReadToEnd(name, data, input.in(), framer::next);
            }
        });
    }

    @Test
    void clientMessageSeedsAreReadToTheirLastByte() throws Exception {
        seeds("ServerSideFuzzTestInputs/serverReadsClientMessages").forEach((name, data) -> {
            FuzzInput input = FuzzInput.of(data);
            ClientMessageReader reader = new ClientMessageReader(input.in(), new RfbServerHandler() { });
            assertReadToEnd(name, data, input.in(), reader::readMessage);
        });
    }

    @Test
    void clientHandshakeSeedsEndAsNamed() throws Exception {
        Map<String, byte[]> seeds = seeds("ClientHandshakeFuzzTestInputs/clientReadsServerHandshake");
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(6);
        seeds.forEach((name, data) -> {
            FuzzInput input = FuzzInput.of(data);
            ClientConfig config = new ClientConfig().password(server -> "secret".toCharArray());
            ClientHandshake handshake = new ClientHandshake(input.in(), OutputStream.nullOutputStream(), config, "seed");
            if (name.contains("refused")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(ConnectionRefusedException.class);
            } else if (name.contains("wrong-password")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(AuthenticationException.class);
            } else if (name.contains("unsupported")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(RfbProtocolException.class);
            } else {
                assertThat(call(handshake::run).width()).as(name).isEqualTo(64);
            }
        });
    }

    @Test
    void veNCryptSeedsEndAsNamed() throws Exception {
        Map<String, byte[]> seeds = seeds("VeNCryptFuzzTestInputs/clientNegotiatesVeNCrypt");
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(10);
        seeds.forEach((name, data) -> {
            byte[] wire = java.util.Arrays.copyOfRange(data, 1, data.length);
            java.io.InputStream in = new java.io.ByteArrayInputStream(wire);
            io.vncstream.rfb.io.Transport t = io.vncstream.rfb.io.Transport.of(in, OutputStream.nullOutputStream(), in, "seed");
            ClientConfig config = new ClientConfig().securityTypes(VeNCryptFuzzTest.EVERY)
                    .password(server -> "secret".toCharArray()).user("seed");
            ClientHandshake handshake = new ClientHandshake(t, config, "seed", "seed.example", 5900);
            if (name.contains("alert")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(io.vncstream.rfb.security.tls.TlsException.class)
                        .hasMessageContaining("handshake_failure");
            } else if (name.contains("wrong-password")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(AuthenticationException.class);
            } else if (name.startsWith("plain") || name.startsWith("v37-plain")) {
                assertThat(call(handshake::run).width()).as(name).isEqualTo(64);
            } else {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(RfbProtocolException.class);
            }
        });
    }

    @Test
    void serverHandshakeSeedsEndAsNamed() throws Exception {
        seeds("ServerSideFuzzTestInputs/serverReadsClientHandshake").forEach((name, data) -> {
            FuzzInput input = FuzzInput.of(data);
            ServerSecurity security = input.withPassword() ? ServerSecurity.vncAuth("secret".toCharArray()) : ServerSecurity.NONE;
            ServerHandshake handshake = new ServerHandshake(input.in(), OutputStream.nullOutputStream(), security);
            if (name.contains("vnc-auth")) {
                // The challenge is random, so a recorded response is always wrong.
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(AuthenticationException.class);
            } else if (name.contains("wrong-type")) {
                assertThatThrownBy(handshake::run).as(name).isInstanceOf(RfbProtocolException.class);
            } else {
                call(() -> {
                    handshake.run();
                    return null;
                });
                assertThat(input.in().position()).as(name).isEqualTo(data.length - 1);
            }
        });
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertReadToEnd(String name, byte[] data, RfbInput in, FuzzContract.Parse oneMessage) {
        assertThatThrownBy(() -> {
            while (true) {
                oneMessage.run();
            }
        }).as(name).isInstanceOf(EOFException.class);
        assertThat(in.position()).as(name + ": bytes read").isEqualTo(data.length - 1);
    }

    private static Map<String, byte[]> seeds(String directory) throws IOException, URISyntaxException {
        Path dir = Path.of(FuzzSeedsTest.class.getResource(directory).toURI());
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("crash-")) {
                    seeds.put(name, Files.readAllBytes(p));
                }
            }
        }
        return seeds;
    }
}
