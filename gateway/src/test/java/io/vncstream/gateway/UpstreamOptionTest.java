package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ServerAddress;
import org.junit.jupiter.params.ParameterizedTest;
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
}
