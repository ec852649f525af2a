package io.vncstream.viewer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code vncstream devices ADDRESS}: the server's stream devices, one per line. */
@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the server's devices (serial consoles and other streams), one per line.")
final class DevicesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "As for snapshot.")
    String address;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        try (DeviceSession session = StreamSession.open(address, connection)) {
            for (String name : session.devices().names()) {
                System.out.println(name);
            }
        }
        return 0;
    }
}
