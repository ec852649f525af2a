package io.vncstream.viewer.cli;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.ssh.SshPrompts;
import io.vncstream.viewer.connect.ViaSsh;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;

/** Options every command that connects shares: the password file, the SSH host to tunnel through, debugging. */
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

    ClientConfig config() {
        return new ClientConfig().password(passwordSource())
                .connectTimeout(java.time.Duration.ofSeconds(connectTimeoutSeconds));
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
