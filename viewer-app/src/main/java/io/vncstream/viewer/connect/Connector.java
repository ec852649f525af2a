package io.vncstream.viewer.connect;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.ssh.SshPrompts;

import java.io.IOException;

/** Opens a connection from the dialog's settings (blocking: call off the event dispatch thread). */
public final class Connector {
    private Connector() {
    }

    public static RfbClient open(ConnectionSettings settings, PasswordSource password, RfbClientHandler handler)
            throws IOException {
        return open(settings, password, SshPrompts.nonInteractive(), handler);
    }

    /** As above; through the settings' SSH host when set, with {@code ssh} answering its questions. */
    public static RfbClient open(ConnectionSettings settings, PasswordSource password, SshPrompts ssh,
                                 RfbClientHandler handler) throws IOException {
        ServerAddress address = ServerAddress.parse(settings.address);
        ClientConfig config = settings.toClientConfig().password(password);
        return ViaSsh.connect(address, settings.via, config, ssh, handler);
    }
}
