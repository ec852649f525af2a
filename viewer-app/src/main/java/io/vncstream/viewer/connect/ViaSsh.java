package io.vncstream.viewer.connect;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.Transport;
import io.vncstream.ssh.SshConnection;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.SshPrompts;
import io.vncstream.ssh.SshTarget;

import java.io.IOException;

/**
 * A VNC connection, direct or, like TigerVNC's {@code -via}, through an SSH host: the VNC
 * address is then resolved on that host ({@code localhost:1} is its own display 1, and
 * {@code unix:PATH} a socket there), and the tunnel lives as long as the connection.
 */
public final class ViaSsh {
    private ViaSsh() {
    }

    /** Whether {@code via} names an SSH host (null or blank: connect directly). */
    public static boolean isSet(String via) {
        return via != null && !via.isBlank();
    }

    /** Connects and completes the RFB handshake, through {@code via} when it is set. */
    public static RfbClient connect(ServerAddress address, String via, ClientConfig config, SshPrompts prompts,
                                    RfbClientHandler handler) throws IOException {
        if (!isSet(via)) {
            return RfbClient.connect(address, config, handler);
        }
        Transport t = open(address, via, config, prompts);
        return RfbClient.connect(t, address + " via " + via.trim(), config, handler);
    }

    /** The tunnel alone: an SSH connection that closing the transport ends. */
    public static Transport open(ServerAddress address, String via, ClientConfig config, SshPrompts prompts)
            throws IOException {
        SshTarget target = SshTarget.parse(via);
        SshOptions options = SshOptions.forUser().prompts(prompts).connectTimeout(config.connectTimeout());
        return address.isUnix()
                ? SshConnection.tunnelUnix(target, options, address.unixPath())
                : SshConnection.tunnelTcp(target, options, address.host(), address.port());
    }
}
