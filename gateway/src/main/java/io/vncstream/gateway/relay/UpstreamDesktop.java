package io.vncstream.gateway.relay;

import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.PasswordSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A real VNC server (QEMU's {@code -vnc}, Xvnc) behind the gateway: each viewer gets its own upstream connection. */
public final class UpstreamDesktop implements Desktop {
    private final ServerAddress address;
    private final PasswordSource password;

    public UpstreamDesktop(ServerAddress address, PasswordSource password) {
        this.address = address;
        this.password = password;
    }

    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) throws IOException {
        Transport t;
        try {
            t = address.isUnix()
                    ? Transport.unix(Path.of(address.unixPath()))
                    : Transport.tcp(address.host(), address.port(), Duration.ofSeconds(10));
        } catch (IOException e) {
            throw failed(e);
        }
        try {
            t.setReadTimeout(Duration.ofSeconds(30));
            RfbInput in = RfbInput.of(t.input());
            ClientConfig config = new ClientConfig().shared(shared).password(password);
            ClientHandshake handshake = new ClientHandshake(in, t.output(), config, address.toString());
            var init = handshake.run();
            t.setReadTimeout(Duration.ZERO);
            return new UpstreamConnection(t, in, init, viewer);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw failed(e);
        }
    }

    /** Names the upstream: the viewer's disconnection is logged with this reason. */
    private IOException failed(Exception e) {
        return new IOException("upstream " + address + ": " + e.getMessage(), e);
    }

    @Override
    public String describe() {
        return "upstream " + address;
    }
}
