package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TigerVNC's Xvnc behind the gateway: a frame taken through the gateway equals one taken from
 * Xvnc directly, pixel for pixel, for each encoding the gateway forwards, and for a client
 * that knows nothing of streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayXvncTest {
    private XvncServer xvnc;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().depth(24).geometry(640, 480).vncAuth("upstream1").start();
        xvnc.background().flatArea(400, 300, 200, 150, 0x3366CC).colouredTerminal(16, 16).waitUntilStable();
        gateway = Gateway.start("127.0.0.1", 0,
                new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), server -> PasswordFile.read(xvnc.passwordFile())),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.RAW, Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE, Encodings.ZLIB,
            Encodings.ZRLE, Encodings.TIGHT})
    void framesThroughTheGatewayEqualFramesTakenDirectly(int encoding) throws Exception {
        FirstFullUpdate.Frame direct = Frames.take(xvnc.address(),
                new ClientConfig().onlyEncoding(encoding).password(s -> PasswordFile.read(xvnc.passwordFile())));
        FirstFullUpdate.Frame relayed = Frames.take("127.0.0.1::" + gateway.port(), new ClientConfig().onlyEncoding(encoding));
        PixelDiff.assertMatches(Frames.image(direct), Frames.image(relayed), PixelDiff.EXACT, Encodings.name(encoding));
    }

    @Test
    void aClientThatKnowsNothingOfStreamsSeesTheSameDesktop() throws Exception {
        FirstFullUpdate.Frame direct = Frames.take(xvnc.address(),
                new ClientConfig().streams(false).password(s -> PasswordFile.read(xvnc.passwordFile())));
        FirstFullUpdate.Frame relayed = Frames.take("127.0.0.1::" + gateway.port(), new ClientConfig().streams(false));
        PixelDiff.assertMatches(Frames.image(direct), Frames.image(relayed), PixelDiff.EXACT, "a client without streams");
    }
}
