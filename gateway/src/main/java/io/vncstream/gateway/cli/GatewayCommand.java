package io.vncstream.gateway.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.demo.DemoDevices;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.libvirt.LibvirtDesktop;
import io.vncstream.gateway.libvirt.LibvirtDevices;
import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.gateway.device.DeviceSpec;
import io.vncstream.gateway.net.HostPort;
import io.vncstream.gateway.qmp.ChardevWatcher;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.server.ServerSecurity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The {@code vncstream-gateway} command. */
@Command(name = "vncstream-gateway", mixinStandardHelpOptions = true, versionProvider = GatewayVersionProvider.class,
        description = "Adds the stream extension in front of a VNC server and exposes a VM's character devices.")
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5900",
            description = "Where viewers connect (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Viewers must give this password (plain text or vncpasswd file). Required off loopback.")
    Path passwordFile;

    @Option(names = "--upstream", paramLabel = "HOST:PORT|unix:PATH", description = "The real VNC server to relay.")
    String upstream;

    @Option(names = "--upstream-password-file", paramLabel = "FILE", description = "Password for the upstream server.")
    Path upstreamPasswordFile;

    @Option(names = "--device", paramLabel = "NAME=KIND:TARGET",
            description = "A device: NAME=unix:PATH, NAME=tcp:HOST:PORT, NAME=pty:PATH or NAME=file:PATH (repeatable).")
    List<String> devices = new ArrayList<>();

    @Option(names = "--qmp", paramLabel = "unix:PATH|tcp:HOST:PORT",
            description = "Discover the VM's chardevs over QMP and follow hot-plug.")
    String qmp;

    @Option(names = "--backlog", paramLabel = "SIZE", defaultValue = "256K",
            description = "Output replayed at the start of each capture, per device (default: ${DEFAULT-VALUE}).")
    String backlog;

    @Option(names = "--max-behind", paramLabel = "SIZE", defaultValue = "16M",
            description = "Disconnect a viewer that falls this far behind a device (default: ${DEFAULT-VALUE}).")
    String maxBehind;

    @Option(names = "--demo", description = "Serve the built-in demo desktop and devices (no upstream needed).")
    boolean demo;

    @Option(names = "--libvirt", paramLabel = "URI",
            description = "Take upstream and devices from a libvirt domain (with --domain): qemu:///system, qemu:///session.")
    String libvirt;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "With --libvirt: the domain's name, UUID or id.")
    String domain;

    @Override
    public Integer call() throws Exception {
        Gateway gateway = start();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        forever.await();
        return 0;
    }

    /** Builds and starts the gateway the options describe. */
    Gateway start() throws Exception {
        if ((demo ? 1 : 0) + (upstream != null ? 1 : 0) + (libvirt != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of --upstream HOST:PORT, --libvirt URI and --demo");
        }
        if ((libvirt != null) != (domain != null)) {
            throw new IllegalArgumentException("--libvirt URI and --domain DOMAIN go together");
        }
        HostPort hp = HostPort.parse(listen);
        if (!InetAddress.getByName(hp.host()).isLoopbackAddress() && passwordFile == null) {
            throw new IllegalArgumentException("refusing to listen on " + listen
                    + " without --password-file: any machine that reaches it could see the VM and type into it");
        }
        int backlogBytes = (int) Sizes.parse(backlog, "--backlog");
        long maxBehindBytes = Sizes.parse(maxBehind, "--max-behind");
        // Every option is checked before anything starts: a bad one must not leave demo or
        // command-line devices attached (and logged as such) behind its error.
        List<DeviceSpec> specs = new ArrayList<>();
        for (String d : devices) {
            specs.add(DeviceSpec.parse(d));
        }
        DeviceRegistry registry = new DeviceRegistry();
        Desktop desktop;
        LibvirtDevices domainDevices = null;
        PasswordSource upstreamPassword = upstreamPasswordFile == null ? PasswordSource.NONE
                : server -> PasswordFile.read(upstreamPasswordFile);
        if (libvirt != null) {
            // The same module the viewer uses: the screen where the live XML says, the devices it lists.
            LibvirtUri uri = LibvirtUri.parse(libvirt);
            if (uri.isSsh()) {
                throw new IllegalArgumentException("--libvirt takes a URI of this machine (qemu:///system):"
                        + " run the gateway on the VM's host, where it reaches the domain's sockets");
            }
            Libvirt l = Libvirt.connectLocal(uri);
            Domain d = l.resolve(domain);
            l.screen(d, l.xml(d)); // no VNC, or not running: said now, before listening
            desktop = new LibvirtDesktop(l, d, upstreamPassword);
            domainDevices = new LibvirtDevices(LibvirtDeviceSource.open(l, d, true, false), registry, backlogBytes);
            domainDevices.start();
        } else if (demo) {
            desktop = new DemoDesktop();
            DemoDevices.install(registry, backlogBytes);
        } else {
            desktop = new UpstreamDesktop(upstreamAddress(), upstreamPassword);
        }
        for (DeviceSpec spec : specs) {
            if (!registry.add(new io.vncstream.gateway.device.Device(spec.name(), spec.backend(), backlogBytes))) {
                throw new IllegalArgumentException("device " + spec.name() + " is given twice");
            }
        }
        ChardevWatcher watcher = null;
        if (qmp != null) {
            watcher = new ChardevWatcher(qmp, registry, backlogBytes);
            watcher.start();
        }
        ServerSecurity security = passwordFile == null ? ServerSecurity.NONE
                : ServerSecurity.vncAuth(PasswordFile.read(passwordFile));
        Gateway gateway = Gateway.start(hp.host(), hp.port(), desktop, registry, security, maxBehindBytes);
        if (watcher != null) {
            // Else a closed gateway would go on polling QMP and adding devices no one serves.
            gateway.closeAlso(watcher);
        }
        if (domainDevices != null) {
            gateway.closeAlso(domainDevices);
        }
        return gateway;
    }

    /**
     * {@code HOST:PORT} is a port, as for {@code --listen}; {@code HOST::PORT}, {@code unix:PATH} and
     * {@code vnc://} are rfb-core's forms. The "::" is looked for after the host, so an IPv6 address's
     * own "::" ({@code [::1]:5}) does not turn the port into a VNC display number.
     */
    private ServerAddress upstreamAddress() {
        int afterHost = upstream.startsWith("[") ? upstream.indexOf(']') + 1 : upstream.indexOf(':');
        boolean rfbForm = upstream.startsWith("unix:") || upstream.startsWith("vnc://") || upstream.startsWith("::", afterHost);
        return ServerAddress.parse(rfbForm ? upstream : HostPort.parse(upstream).asServerAddress());
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
