package io.vncstream.viewer.cli;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.viewer.ui.Measurements;
import io.vncstream.viewer.ui.ViewerApp;
import io.vncstream.viewer.ui.ViewerWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@code vncstream} command: the GUI by default (the connection window, or straight to
 * ADDRESS when given), and the command-line tools as subcommands.
 */
@Command(name = "vncstream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {SnapshotCommand.class, DevicesCommand.class, ConsoleCommand.class},
        description = "A VNC viewer that shows a virtual machine's screen and its serial consoles over one connection.")
public final class VncstreamCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS",
            description = "Connect to this server at once: host, host:DISPLAY, host::PORT, vnc://host:port, "
                    + "[ipv6]:DISPLAY, unix:PATH. Without it, the connection window opens.")
    String address;

    @Option(names = "--demo", description = "Start the built-in demo server (a desktop, a shell on serial0, "
            + "a log on log0) inside this program on a free loopback port and connect to it.")
    boolean demo;

    @CommandLine.Mixin
    LibvirtOptions libvirt;

    @Option(names = "--via", paramLabel = "[USER@]HOST[:PORT]",
            description = "Tunnel through this SSH host, like TigerVNC's -via: ADDRESS is then as that host sees it "
                    + "(localhost:1 is its own display 1). Host-key and password questions come as dialogs.")
    String via;

    @Option(names = "--measure-startup", hidden = true,
            description = "Print the time the first frame was painted, then exit (for the startup measurement).")
    boolean measureStartup;

    @Option(names = "--measure-memory", hidden = true, paramLabel = "CONSOLES",
            description = "Open this many consoles, settle, print the memory in use, then exit.")
    Integer measureMemory;

    @Override
    public Integer call() throws Exception {
        io.vncstream.viewer.bench.StartupReport.mark("command parsed");
        if (demo && address != null) {
            throw new IllegalArgumentException("--demo connects to its own server: give no ADDRESS with it");
        }
        if (libvirt.isSet() && (demo || address == null)) {
            throw new IllegalArgumentException("--connect needs a DOMAIN (a name, UUID or id) and no --demo");
        }
        if (address != null && !libvirt.isSet()) {
            ServerAddress.parse(address); // a typo is reported here, in words, before any window opens
        }
        if (via != null) {
            if (demo) {
                throw new IllegalArgumentException("--demo runs its server in this program: --via cannot reach it");
            }
            io.vncstream.ssh.SshTarget.parse(via);
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("no display to open the viewer on (is DISPLAY set?); "
                    + "the snapshot subcommand works without one");
        }
        if (demo) {
            // The demo server starts beside the toolkit and the look and feel: each takes a few hundred ms.
            CompletableFuture<EmbeddedDemo> starting = startDemo();
            CompletableFuture<String> where = new CompletableFuture<>();
            ViewerApp app = ViewerApp.launch(where, false, measurement());
            try (EmbeddedDemo server = started(starting)) {
                io.vncstream.viewer.bench.StartupReport.mark("demo started");
                where.complete("127.0.0.1::" + server.port());
                app.awaitExit();
            }
            return 0;
        }
        if (libvirt.isSet()) {
            io.vncstream.libvirt.LibvirtUri.parse(libvirt.uri); // a typo is reported here, before any window opens
            ViewerApp app = ViewerApp.launchDomain(libvirt.uri, address, measurement());
            app.awaitExit();
            return 0;
        }
        ViewerApp app = ViewerApp.launch(address, via, measurement() == null, measurement());
        app.awaitExit();
        return 0;
    }

    /** {@link EmbeddedDemo#start} on a thread of its own. */
    private static CompletableFuture<EmbeddedDemo> startDemo() {
        CompletableFuture<EmbeddedDemo> starting = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                starting.complete(EmbeddedDemo.start(0));
            } catch (Exception | Error e) {
                starting.completeExceptionally(e);
            }
        }, "demo start");
        t.setDaemon(true);
        t.start();
        return starting;
    }

    /** The started demo, or what {@link EmbeddedDemo#start} threw. */
    private static EmbeddedDemo started(CompletableFuture<EmbeddedDemo> starting) throws Exception {
        try {
            return starting.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    private Consumer<ViewerWindow> measurement() {
        if (measureStartup) {
            return Measurements.startup();
        }
        return measureMemory == null ? null : Measurements.memory(measureMemory);
    }

    public static void main(String[] args) {
        io.vncstream.viewer.bench.StartupReport.mark("main");
        VncstreamCommand plain = PlainLaunch.parse(args);
        System.exit(plain != null ? plain.runPlain(args) : commandLine().execute(args));
    }

    /**
     * {@link #call} for arguments {@link PlainLaunch} has parsed, as picocli's execute would run
     * it: a failure is reported by the same {@link ErrorReporter}, on a command line built only
     * then (picocli's model costs a few hundred ms of the GUI's start-up otherwise).
     */
    int runPlain(String[] args) {
        try {
            return call();
        } catch (Exception e) {
            CommandLine cmd = commandLine();
            return new ErrorReporter().handleExecutionException(e, cmd, cmd.parseArgs(args));
        }
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new VncstreamCommand());
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        return cmd;
    }
}
