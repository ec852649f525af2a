package io.vncstream.gateway.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.demo.DemoDevices;
import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.DeviceSpec;
import io.vncstream.gateway.libvirt.DomainUpstream;
import io.vncstream.gateway.listen.Listener;
import io.vncstream.gateway.listen.TcpListener;
import io.vncstream.gateway.listen.UnixListener;
import io.vncstream.gateway.net.ConnectionLimits;
import io.vncstream.gateway.net.HostPort;
import io.vncstream.gateway.qmp.ChardevWatcher;
import io.vncstream.gateway.qmp.QmpShare;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.rfb.server.ServerSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The {@code vncstream-gateway} command. */
@Command(name = "vncstream-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayVersionProvider.class,
        description = "Adds the stream extension in front of a VNC server and exposes a VM's character devices.")
public final class GatewayCommand implements Callable<Integer> {
    static {
        // A daemon's log lines say when (slf4j-simple's default is milliseconds since start-up).
        // Before the first logger below: slf4j-simple reads its settings once, then.
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);

    @Option(names = "--listen", paramLabel = "HOST:PORT|unix:PATH", defaultValue = "127.0.0.1:5900",
            description = "Where viewers connect (default: ${DEFAULT-VALUE}). A unix socket is owner-only:"
                    + " viewers elsewhere reach it with vncstream --via HOST unix:PATH.")
    String listen;

    @Mixin
    ViewerSecurityOptions viewers = new ViewerSecurityOptions();

    @Mixin
    UpstreamOptions upstream = new UpstreamOptions();

    @Mixin
    LibvirtOptions libvirt = new LibvirtOptions();

    @Option(names = "--device", paramLabel = "NAME=KIND:TARGET",
            description = "A device: NAME=unix:PATH, NAME=tcp:HOST:PORT, NAME=pty:PATH or NAME=file:PATH (repeatable).")
    List<String> devices = new ArrayList<>();

    @Option(names = "--qmp", paramLabel = "unix:PATH|tcp:HOST:PORT",
            description = "Discover the VM's chardevs over QMP and follow hot-plug.")
    String qmp;

    @Option(names = "--qmp-share", paramLabel = "PATH",
            description = "The gateway holds the --qmp monitor (QEMU serves one client at a time): serve it again on this"
                    + " unix socket, to any number of QMP clients (virsh-free scripts, qmp-shell, chardev-add).")
    Path qmpShare;

    @Option(names = "--backlog", paramLabel = "SIZE", defaultValue = "256K",
            description = "Output replayed at the start of each capture, per device (default: ${DEFAULT-VALUE}).")
    String backlog;

    @Option(names = "--max-behind", paramLabel = "SIZE", defaultValue = "16M",
            description = "Disconnect a viewer that falls this far behind a device (with --flow-control: behind a faster"
                    + " viewer of it); its consoles capture again and show the gap (default: ${DEFAULT-VALUE}).")
    String maxBehind;

    @Option(names = "--flow-control",
            description = "Let a device wait for its fastest viewer, as a serial line with flow control waits for its"
                    + " terminal: a viewer slower than the VM's output then loses nothing, and the VM's writes wait."
                    + " Off by default: the stream extension says a server never blocks a device on a slow client,"
                    + " so a viewer that falls --max-behind behind is disconnected and its consoles show the gap.")
    boolean flowControl;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --flow-control: disconnect a viewer that reads nothing of a device for this long while"
                    + " the device waits for it, even the only one, and read the device on (default: ${DEFAULT-VALUE}).")
    int stallTimeoutSeconds;

    @Option(names = "--max-viewers", paramLabel = "N", defaultValue = "" + ConnectionLimits.DEFAULT_MAX_VIEWERS,
            description = "Viewers served at once; more are refused with a reason (default: ${DEFAULT-VALUE}).")
    int maxViewers;

    @Option(names = "--max-unauthenticated-per-address", paramLabel = "N",
            defaultValue = "" + ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS,
            description = "With --password-file: connections from one address still authenticating (default: ${DEFAULT-VALUE}).")
    int maxUnauthenticatedPerAddress;

    @Option(names = "--demo", description = "Serve the built-in demo desktop and devices (no upstream needed).")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        Gateway gateway = start();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } finally {
                System.out.flush();
                System.err.flush();
                // SIGTERM is how a service is stopped: a clean stop exits 0, not 143.
                Runtime.getRuntime().halt(0);
            }
        }));
        forever.await();
        return 0;
    }

    /** Builds and starts the gateway the options describe. */
    Gateway start() throws Exception {
        if ((demo ? 1 : 0) + (upstream.upstream != null ? 1 : 0) + (libvirt.given() ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of --upstream HOST:PORT, --libvirt URI and --demo");
        }
        libvirt.check();
        Path unixListen = listen.startsWith("unix:") ? Path.of(listen.substring(5)) : null;
        if (unixListen != null && unixListen.toString().isEmpty()) {
            throw new IllegalArgumentException("--listen unix:PATH needs a path");
        }
        HostPort hp = unixListen != null ? null : HostPort.parse(listen);
        // A unix socket is as local as loopback, and owner-only besides.
        ServerSecurity security = viewers.security(listen, unixListen != null || InetAddress.getByName(hp.host()).isLoopbackAddress());
        int backlogBytes = (int) Sizes.parse(backlog, "--backlog");
        long maxBehindBytes = Sizes.parse(maxBehind, "--max-behind");
        if (maxBehindBytes < 1 || stallTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--max-behind must be at least 1 byte and --stall-timeout at least 1 second");
        }
        if (maxViewers < 1 || maxUnauthenticatedPerAddress < 1) {
            throw new IllegalArgumentException("--max-viewers and --max-unauthenticated-per-address must be at least 1");
        }
        if (qmpShare != null && qmp == null) {
            throw new IllegalArgumentException("--qmp-share needs --qmp: it shares that monitor");
        }
        // Every option is checked before anything starts: a bad one must not leave demo or
        // command-line devices attached (and logged as such) behind its error.
        List<DeviceSpec> specs = new ArrayList<>();
        for (String d : devices) {
            specs.add(DeviceSpec.parse(d));
        }
        // Bound before anything starts, too: a port that is taken or a live socket at the path
        // is an error before the devices are attached.
        Listener listener = unixListen != null ? UnixListener.bind(unixListen) : TcpListener.bind(hp.host(), hp.port());
        DomainUpstream domain = null;
        ChardevWatcher watcher = null;
        try {
            DeviceRegistry registry = new DeviceRegistry();
            Desktop desktop;
            if (libvirt.given()) {
                domain = libvirt.open(upstream, registry, backlogBytes);
                desktop = domain.desktop();
            } else if (demo) {
                desktop = new DemoDesktop();
                DemoDevices.install(registry, backlogBytes);
            } else {
                desktop = upstream.desktop();
            }
            for (DeviceSpec spec : specs) {
                if (!registry.add(new Device(spec.name(), spec.backend(), backlogBytes))) {
                    throw new IllegalArgumentException("device " + spec.name() + " is given twice");
                }
            }
            watcher = qmp == null ? null : watchQmp(registry, backlogBytes);
            viewers.warn(security);
            upstream.warn();
            Gateway gateway = Gateway.start(listener, desktop, registry, security,
                    new CaptureLimits(maxBehindBytes, Duration.ofSeconds(stallTimeoutSeconds), flowControl),
                    new ConnectionLimits(maxViewers, maxUnauthenticatedPerAddress));
            if (watcher != null) {
                // Else a closed gateway would go on polling QMP and adding devices no one serves.
                gateway.closeAlso(watcher);
            }
            if (domain != null) {
                gateway.closeAlso(domain);
            }
            return gateway;
        } catch (Exception | Error e) {
            // Nothing is left behind a failed start: QMP not held, the port or socket not taken.
            if (watcher != null) {
                watcher.close();
            }
            if (domain != null) {
                domain.close();
            }
            listener.close();
            throw e;
        }
    }

    private ChardevWatcher watchQmp(DeviceRegistry registry, int backlogBytes) throws Exception {
        QmpShare share = qmpShare == null ? null : QmpShare.listen(qmpShare);
        ChardevWatcher watcher = new ChardevWatcher(qmp, registry, backlogBytes, share);
        try {
            watcher.start();
        } catch (Exception e) {
            watcher.close();
            throw e;
        }
        if (share == null) {
            LOG.info("QMP monitor {} is now held by the gateway (QEMU serves one client at a time);"
                    + " give --qmp-share PATH to use it from other QMP clients", qmp);
        } else {
            LOG.info("QMP monitor {} is now held by the gateway; other QMP clients connect to {}", qmp, qmpShare);
        }
        return watcher;
    }

    /** Parses the options and starts the gateway without waiting for it to end: for embedding and tests. */
    public static Gateway start(String... args) throws Exception {
        GatewayCommand command = new GatewayCommand();
        new CommandLine(command).parseArgs(args);
        return command.start();
    }

    public static void main(String[] args) {
        // A server: the demo desktop draws off-screen, and a DISPLAY inherited from a login
        // session (or pointing at an X server that has gone) must not stop it.
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new GatewayCommand());
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("vncstream-gateway: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cmd;
    }
}
