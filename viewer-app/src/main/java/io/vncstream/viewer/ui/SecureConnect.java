package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.CredentialsSource;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.connect.Connector;

import java.awt.Component;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How the GUI connects: passwords and Plain's user name from the password dialog, the CA file of
 * the options trusted, unknown TLS certificates put to the user in the certificate dialog,
 * "always" kept in the config directory.
 */
final class SecureConnect {
    private SecureConnect() {
    }

    static RfbClient open(ViewerApp app, ConnectionSettings settings, Supplier<Component> parent,
                          RfbClientHandler handler) throws IOException {
        PasswordPrompt prompt = new PasswordPrompt(parent);
        TlsOptions tls = new TlsOptions().known(app.config().knownCertificates()).prompt(new CertificateDialog(parent));
        if (!settings.x509Ca.isBlank()) {
            tls.caFile(Path.of(settings.x509Ca.trim()));
        }
        CredentialsSource credentials = (server, user) -> {
            Credentials c = prompt.credentials(server, user);
            settings.user = c.user(); // a reconnection fills the user field in again
            return c;
        };
        return Connector.open(settings, prompt, credentials, tls, handler);
    }
}
