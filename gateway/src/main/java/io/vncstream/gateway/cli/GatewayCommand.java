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
import io.vncstream.gateway.qmp.QmpShare;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.tls.ListenPolicy;
import io.vncstream.gateway.tls.ListenerTls;
import io.vncstream.gateway.tls.StateDirectory;
import io.vncstream.gateway.tls.UpstreamTls;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.server.ServerSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
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
    static {
        // A daemon's log lines say when (slf4j-simple's default is milliseconds since start-up).
        // Before the first logger below: slf4j-simple reads its settings once, then.
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCommand.class);

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5900",
            description = "Where viewers connect (default: ${DEFAULT-VALUE}).")
    String listen;

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

    @Option(names = "--upstream", paramLabel = "HOST:PORT|unix:PATH", description = "The real VNC server to relay.")
    String upstream;

    @Option(names = "--upstream-password-file", paramLabel = "FILE", description = "Password for the upstream server.")
    Path upstreamPasswordFile;

    @Option(names = "--upstream-ca", paramLabel = "FILE",
            description = "Trust upstream certificates signed by the CA(s) in this PEM file (repeatable), besides the system's.")
    List<Path> upstreamCas = new ArrayList<>();

    @Option(names = "--upstream-accept-certificate", paramLabel = "SHA256:...",
            description = "Trust the upstream certificate with this SHA-256 fingerprint (repeatable), e.g. a self-signed one.")
    List<String> upstreamAcceptedCertificates = new ArrayList<>();

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
            description = "Disconnect a viewer that falls this far behind a device while a faster viewer of it reads on; a device"
                    + " waits for its fastest viewer, so a lone slow viewer loses nothing (default: ${DEFAULT-VALUE}).")
    String maxBehind;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Disconnect a viewer that reads nothing of a device for this long while the device waits for it,"
                    + " even the only one, and read the device on (default: ${DEFAULT-VALUE}).")
    int stallTimeoutSeconds;

    @Option(names = "--max-viewers", paramLabel = "N", defaultValue = "" + io.vncstream.gateway.net.ConnectionLimits.DEFAULT_MAX_VIEWERS,
            description = "Viewers served at once; more are refused with a reason (default: ${DEFAULT-VALUE}).")
    int maxViewers;

    @Option(names = "--max-unauthenticated-per-address", paramLabel = "N",
            defaultValue = "" + io.vncstream.gateway.net.ConnectionLimits.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS,
            description = "With --password-file: connections from one address still authenticating (default: ${DEFAULT-VALUE}).")
    int maxUnauthenticatedPerAddress;

    @Option(names = "--admit-when-upstream-down",
            description = "Admit viewers while the upstream is down or refuses, with a placeholder desktop replaced once it is back"
                    + " (default: refuse them with the reason; viewers with consoles always keep their session when it goes down later).")
    boolean admitWhenUpstreamDown;

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
        if ((demo ? 1 : 0) + (upstream != null ? 1 : 0) + (libvirt != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of --upstream HOST:PORT, --libvirt URI and --demo");
        }
        if ((libvirt != null) != (domain != null)) {
            throw new IllegalArgumentException("--libvirt URI and --domain DOMAIN go together");
        }
        HostPort hp = HostPort.parse(listen);
        ListenPolicy policy = ListenPolicy.decide(listen, InetAddress.getByName(hp.host()).isLoopbackAddress(),
                tlsCert != null, tlsKey != null, passwordFile != null, allowUnencrypted);
        ServerSecurity security = passwordFile == null ? ServerSecurity.NONE
                : ServerSecurity.vncAuth(PasswordFile.read(passwordFile));
        security = ListenerTls.apply(policy, security, tlsCert, tlsKey,
                stateDir != null ? stateDir : StateDirectory.defaultPath());
        int backlogBytes = (int) Sizes.parse(backlog, "--backlog");
        long maxBehindBytes = Sizes.parse(maxBehind, "--max-behind");
        if (maxBehindBytes < 1 || stallTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--max-behind must be at least 1 byte and --stall-timeout at least 1 second");
        }
        if (maxViewers < 1 || maxUnauthenticatedPerAddress < 1) {
            throw new IllegalArgumentException("--max-viewers and --max-unauthenticated-per-address must be at least 1");
        }
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
            UpstreamDesktop upstreamDesktop = new UpstreamDesktop(upstreamAddress(), upstreamPassword,
                    UpstreamTls.options(upstreamCas, upstreamAcceptedCertificates)).admitWhenDown(admitWhenUpstreamDown);
            probe(upstreamDesktop);
            desktop = upstreamDesktop;
        }
        for (DeviceSpec spec : specs) {
            if (!registry.add(new io.vncstream.gateway.device.Device(spec.name(), spec.backend(), backlogBytes))) {
                throw new IllegalArgumentException("device " + spec.name() + " is given twice");
            }
        }
        if (qmpShare != null && qmp == null) {
            throw new IllegalArgumentException("--qmp-share needs --qmp: it shares that monitor");
        }
        ChardevWatcher watcher = null;
        if (qmp != null) {
            QmpShare share = qmpShare == null ? null : QmpShare.listen(qmpShare);
            watcher = new ChardevWatcher(qmp, registry, backlogBytes, share);
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
        }
        if (passwordFile != null) {
            PasswordWarnings.check(passwordFile, "--password-file", security.password());
        }
        if (upstreamPasswordFile != null) {
            PasswordWarnings.check(upstreamPasswordFile, "--upstream-password-file", null);
        }
        Gateway gateway = Gateway.start(hp.host(), hp.port(), desktop, registry, security,
                new io.vncstream.gateway.device.CaptureLimits(maxBehindBytes, java.time.Duration.ofSeconds(stallTimeoutSeconds)),
                new io.vncstream.gateway.net.ConnectionLimits(maxViewers, maxUnauthenticatedPerAddress));
        if (watcher != null) {
            // Else a closed gateway would go on polling QMP and adding devices no one serves.
            gateway.closeAlso(watcher);
        }
        if (domainDevices != null) {
            gateway.closeAlso(domainDevices);
        }
        return gateway;
    }

    /** An upstream certificate we would refuse ends the start; an upstream that is down does not. */
    private static void probe(UpstreamDesktop upstream) {
        try {
            upstream.probe();
        } catch (IOException e) {
            if (UpstreamTls.isCertificateRejection(e)) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            LOG.warn("{} (tried again for each viewer that connects)", e.getMessage());
        }
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
