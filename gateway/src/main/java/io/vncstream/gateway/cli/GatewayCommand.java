package io.vncstream.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vncstream-gateway} command. */
@Command(name = "vncstream-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayVersionProvider.class,
        description = "Adds the stream extension in front of a VNC server and exposes a VM's character devices.")
public final class GatewayCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayCommand()).execute(args));
    }
}
