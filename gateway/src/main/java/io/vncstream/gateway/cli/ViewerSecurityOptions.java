package io.vncstream.gateway.cli;

import io.vncstream.gateway.tls.ListenPolicy;
import io.vncstream.gateway.tls.ListenerTls;
import io.vncstream.gateway.tls.StateDirectory;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.server.ServerSecurity;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How viewers are let in: their password, and TLS (VeNCrypt) with a certificate given or made. */
final class ViewerSecurityOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Viewers must give this password (plain text or vncpasswd file). Required off loopback.")
    Path passwordFile;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Offer VeNCrypt (TLS) with this PEM certificate (chain, leaf first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM private key of --tls-cert (PKCS#8, RSA or EC form).")
    Path tlsKey;

    @Option(names = "--allow-unencrypted",
            description = "With TLS, still accept viewers without it (by default TLS is all that is offered).")
    boolean allowUnencrypted;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keeps the self-signed certificate made for listening off loopback without --tls-cert"
                    + " (default: $XDG_STATE_HOME/vncstream/gateway).")
    Path stateDir;

    /** The security viewers meet on {@code listen} (a loopback address or not). */
    ServerSecurity security(String listen, boolean loopback) throws Exception {
        ListenPolicy policy = ListenPolicy.decide(listen, loopback, tlsCert != null, tlsKey != null, passwordFile != null,
                allowUnencrypted);
        ServerSecurity security = passwordFile == null ? ServerSecurity.NONE
                : ServerSecurity.vncAuth(PasswordFile.read(passwordFile));
        return ListenerTls.apply(policy, security, tlsCert, tlsKey, stateDir != null ? stateDir : StateDirectory.defaultPath());
    }

    /** Warns about a password file others may read, once the gateway is set up. */
    void warn(ServerSecurity security) {
        if (passwordFile != null) {
            PasswordWarnings.check(passwordFile, "--password-file", security.password());
        }
    }
}
