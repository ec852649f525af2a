package io.vncstream.viewer.cli;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.Credentials;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.ssh.SshPrompts;
import io.vncstream.viewer.connect.ClientCertificateFiles;
import io.vncstream.viewer.connect.ViaSsh;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.viewer.connect.AppConfig;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every command that connects shares: password, security types and certificates, the SSH host to tunnel through, debugging. */
final class ConnectionOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Password on the first line, or a vncpasswd file (detected).")
    Path passwordFile;

    @Option(names = "--timeout-connect", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up connecting after this long (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--via", paramLabel = "[USER@]HOST[:PORT]",
            description = "Tunnel through this SSH host, like TigerVNC's -via: ADDRESS is then as that host sees it"
                    + " (localhost:1 is its own display 1, unix:PATH a socket there). Uses ~/.ssh (config,"
                    + " known_hosts, keys) and ssh-agent; asks on the terminal, if there is one.")
    String via;

    @Option(names = "--debug", description = "Show the full error (stack trace) when something fails.")
    boolean debug;

    @Option(names = "--security-types", paramLabel = "LIST",
            description = "Security types allowed, in the order preferred, as TigerVNC names them (any case):"
                    + " X509Vnc, X509Plain, X509None, TLSVnc, TLSPlain, TLSNone, VncAuth, None, Plain. Default:"
                    + " X509None,X509Vnc,X509Plain,TLSNone,TLSVnc,TLSPlain,None,VncAuth. Leave out VncAuth and None"
                    + " to refuse any unencrypted connection.")
    String securityTypes;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User name for Plain authentication (VeNCrypt Plain, TLSPlain, X509Plain).")
    String user;

    @Option(names = "--x509-ca", paramLabel = "FILE",
            description = "Also trust the CA certificate(s) in this PEM file for TLS servers (repeatable). With"
                    + " --connect, libvirt's CA (/etc/pki/CA/cacert.pem, then ~/.pki/CA/cacert.pem) is trusted too.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--x509-cert", paramLabel = "FILE",
            description = "Present this client certificate (PEM, any intermediates after it) when a TLS server asks"
                    + " for one, as a libvirt host with vnc_tls_x509_verify does; needs --x509-key. With --connect,"
                    + " libvirt's own (/etc/pki/libvirt/clientcert.pem, then ~/.pki/libvirt/) is used otherwise.")
    Path clientCert;

    @Option(names = "--x509-key", paramLabel = "FILE",
            description = "The unencrypted private key (PEM) of --x509-cert.")
    Path clientKey;

    @Option(names = "--accept-certificate", paramLabel = "SHA256:...",
            description = "Trust the server certificate with this SHA-256 fingerprint (as the prompt shows it;"
                    + " repeatable).")
    List<String> acceptedCertificates = new ArrayList<>();

    ClientConfig config() throws IOException {
        ClientConfig config = new ClientConfig().password(passwordSource())
                .connectTimeout(java.time.Duration.ofSeconds(connectTimeoutSeconds));
        if (securityTypes != null) {
            config.securityTypes(SecurityTypes.parse(securityTypes));
        }
        config.user(user).credentials(this::credentials);
        TlsOptions tls = new TlsOptions().known(AppConfig.forUser().knownCertificates())
                .prompt(new TerminalCertificatePrompt());
        for (Path ca : caFiles) {
            tls.caFile(ca);
        }
        for (String fingerprint : acceptedCertificates) {
            tls.acceptFingerprint(fingerprint);
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new IllegalArgumentException(clientCert == null ? "--x509-key needs --x509-cert, the certificate it belongs to"
                    : "--x509-cert needs --x509-key, its private key");
        }
        if (clientCert != null) {
            ClientCertificateFiles.load(tls, clientCert, clientKey, "--x509-cert", "--x509-key");
        }
        return config.tls(tls);
    }

    /** Plain: --user or a question on the terminal, then the password as for VNC Authentication. */
    private Credentials credentials(String server, String known) throws IOException {
        String name = known;
        if (name == null || name.isEmpty()) {
            Console console = System.console();
            if (console == null) {
                throw new io.vncstream.rfb.security.AuthenticationException("the server " + server
                        + " asks for a user name and password: give the user name with --user (no terminal to ask on)");
            }
            name = console.readLine("User name for %s: ", server);
            if (name == null || name.isBlank()) {
                throw new io.vncstream.rfb.security.AuthenticationException("no user name entered");
            }
        }
        return new Credentials(name.trim(), passwordSource().password(server));
    }

    /** The file when given; otherwise ask on the terminal, without echo, only if the server wants a password. */
    PasswordSource passwordSource() {
        if (passwordFile != null) {
            return server -> PasswordFile.read(passwordFile);
        }
        return ConnectionOptions::askOnTerminal;
    }

    private static char[] askOnTerminal(String server) throws IOException {
        Console console = System.console();
        if (console == null) {
            throw new io.vncstream.rfb.security.AuthenticationException(
                    "the server " + server + " wants a password: give one with --password-file (no terminal to ask on)");
        }
        char[] pw = console.readPassword("Password for %s: ", server);
        if (pw == null) {
            throw new io.vncstream.rfb.security.AuthenticationException("no password entered");
        }
        return pw;
    }

    static ServerAddress address(String text) {
        return ServerAddress.parse(text);
    }

    /** Connects to {@code address} (through {@code --via} when given) and completes the handshake. */
    RfbClient connect(String address, ClientConfig config, RfbClientHandler handler) throws IOException {
        return ViaSsh.connect(address(address), via, config, SshPrompts.terminal(), handler);
    }
}
