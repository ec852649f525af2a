package io.vncstream.viewer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code vncstream devices ADDRESS}: the server's stream devices, one per line, escaped (the
 * names come from the server: see {@link TerminalText}).
 */
@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the server's devices (serial consoles and other streams), one per line.")
final class DevicesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "As for snapshot.")
    String address;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        try (StreamSession session = StreamSession.open(address, connection)) {
            java.util.List<String> names = session.streams.devices();
            for (String name : names) {
                System.out.println(TerminalText.escape(name));
            }
            if (names.isEmpty()) {
                // A server announces its devices before its first update, so none came: say why that may be.
                System.err.println("vncstream devices: " + TerminalText.escape(address) + " announced no devices:"
                        + " no VNC server offers the stream extension by itself; vncstream-gateway adds it");
            }
        }
        return 0;
    }
}
