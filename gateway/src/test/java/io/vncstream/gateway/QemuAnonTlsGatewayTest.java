package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.testing.StillScreen;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's VNC server with {@code tls-creds-anon} (VeNCrypt TLSNone: encrypted, no certificate)
 * behind the gateway, which allows anonymous TLS upstream as the viewer's default security
 * types do: a frame through the gateway equals QEMU's screendump pixel for pixel. One boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuAnonTlsGatewayTest {
    private TinyVm vm;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        vm = TinyVm.boot(",tls-creds=tls0", List.of("-object", "tls-creds-anon,id=tls0,endpoint=server"));
        vm.showOnScreen("vncstream gateway test: QEMU VNC over anonymous TLS relayed");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aFrameThroughTheGatewayEqualsTheScreendumpPixelForPixel() throws Exception {
assertThat(directSecurity(new ClientConfig()).type()).as("what QEMU demands").isEqualTo(SecurityType.TLS_NONE);
        StillScreen.assertMatchesScreendump(vm, () -> Frames.image(Frames.take("127.0.0.1::" + gateway.port(),
                new ClientConfig())), "QEMU VNC over anonymous TLS through the gateway");
    }

    /** How QEMU itself protects a connection: the security a client directly connected negotiates. */
    private ConnectionSecurity directSecurity(ClientConfig config) throws Exception {
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()), config, new RfbClientHandler() { })) {
            return client.security();
        }
    }
}
