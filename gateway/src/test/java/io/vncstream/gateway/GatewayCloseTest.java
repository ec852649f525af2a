package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.gateway.device.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command's shutdown hook only calls {@link Gateway#close()}: that alone must let go of the
 * devices (a VM's serial socket takes one client), not only the gateway's listening socket.
 */
class GatewayCloseTest {
    @Test
    void closingTheGatewayRemovesTheDevicesItWasStartedWith() throws Exception {
        Gateway gateway = GatewayCommand.start("--demo", "--listen", "127.0.0.1:0");
        assertThat(gateway.registry().all()).extracting(Device::name).containsExactly("serial0", "log0");
        gateway.close();
        assertThat(gateway.registry().all()).isEmpty();
    }
}
