package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which server {@code --upstream} names (the gateway connects upstream only when a viewer comes). */
class UpstreamOptionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "127.0.0.1:5, 127.0.0.1, 5",
            "[::1]:5, ::1, 5",
            "[::1]:5901, ::1, 5901",
            "127.0.0.1::5, 127.0.0.1, 5",
            "[::1]::5, ::1, 5",
    })
    void hostColonPortIsAPortAndTheDoubleColonFormIsRfbCores(String option, String host, int port) throws Exception {
        try (Gateway gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", option)) {
            assertThat(gateway.desktop().describe()).isEqualTo("upstream " + ServerAddress.tcp(host, port));
        }
    }

    @Test
    void admitWhenUpstreamDownGivesAViewerAPlaceholderDesktopInsteadOfTheRefusal() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (Gateway gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + deadPort,
                "--admit-when-upstream-down");
             Socket s = new Socket("127.0.0.1", gateway.port())) {
            s.setSoTimeout(20_000);
            ServerInit init = new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(), new ClientConfig(), "gateway").run();
            assertThat(init.width() + "x" + init.height()).isEqualTo("1024x768");
        }
    }
}
