package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.QmpConnection;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XVP power control with QEMU's {@code -vnc ...,power-control=on}, through the gateway (which
 * relays -309 and message 250 both ways): QEMU offers it, and a reset from the client makes the
 * VM reset, which QMP reports as a RESET event (watched on the gateway's --qmp-share).
 */
class XvpQemuTest {
    @Test
    void anXvpResetThroughTheGatewayResetsTheVm() throws Exception {
        try (TinyVm vm = TinyVm.bootWithPowerControl()) {
            vm.releaseSerial();
            Path share = vm.dir().resolve("qmp-share.sock");
            Gateway gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                    "--qmp", "unix:" + vm.qmpSocket(), "--qmp-share", share.toString());
            try (QmpConnection qmp = QmpConnection.connect(share, Duration.ofSeconds(5));
                 RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                         new ClientConfig().extensions(List.of(Encodings.XVP)), new RfbClientHandler() { })) {
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU offers XVP through the gateway", client::supportsPowerControl);
                assertThat(qmp.events()).noneMatch(e -> e.contains("\"RESET\""));
                assertThat(client.sendPowerAction(XvpMessage.RESET)).isTrue();
                Eventually.await(Duration.ofSeconds(10), "QMP's RESET event", () -> {
                    qmp.executeOk("{\"execute\":\"query-status\"}");
                    return qmp.events().stream().anyMatch(e -> e.contains("\"RESET\""));
                });
            } finally {
                gateway.close();
            }
        }
    }

    @Test
    void withoutPowerControlQemuOffersNoXvp() throws Exception {
        try (TinyVm vm = TinyVm.boot();
             RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()),
                     new ClientConfig().extensions(List.of(Encodings.XVP)), new RfbClientHandler() { })) {
            client.start();
            Eventually.await(Duration.ofSeconds(10), "a first update", () -> client.updatesReceived() > 0);
            assertThat(client.supportsPowerControl()).isFalse();
            assertThat(client.sendPowerAction(XvpMessage.RESET)).isFalse();
        }
    }
}
