package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.demo.DemoDevices;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.server.ServerSecurity;

/** A demo gateway on an ephemeral loopback port, as the viewer's --demo runs it. */
final class DemoGatewayFixture implements AutoCloseable {
    final DemoDesktop desktop = new DemoDesktop();
    final DeviceRegistry registry = new DeviceRegistry();
    final Gateway gateway;

    DemoGatewayFixture(long maxBehind) throws Exception {
        DemoDevices.install(registry, 256 * 1024);
        gateway = Gateway.start("127.0.0.1", 0, desktop, registry, ServerSecurity.NONE, maxBehind);
    }

    int port() {
        return gateway.port();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
