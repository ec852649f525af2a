package io.vncstream.viewer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vncstream} command: the GUI by default, and the command-line tools as subcommands. */
@Command(name = "vncstream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {SnapshotCommand.class, DevicesCommand.class, ConsoleCommand.class},
        description = "A VNC viewer that shows a virtual machine's screen and its serial consoles over one connection.")
public final class VncstreamCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new VncstreamCommand());
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        return cmd;
    }
}
