package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every option that takes {@code tcp:HOST:PORT} refuses a malformed one with a line that says what was wrong. */
class TcpAddressOptionsTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "--qmp; tcp:localhost; expected HOST:PORT, not 'localhost'",
            "--qmp; tcp:localhost:qmp; invalid port in 'localhost:qmp'",
            "--device; s=tcp:localhost; device 's=tcp:localhost': expected HOST:PORT, not 'localhost'",
            "--device; s=tcp:localhost:x; device 's=tcp:localhost:x': invalid port in 'localhost:x'",
    })
    void aMalformedTcpAddressIsRefusedSayingWhy(String option, String value, String message) {
        assertThatThrownBy(() -> GatewayCommand.start("--demo", "--listen", "127.0.0.1:0", option, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
