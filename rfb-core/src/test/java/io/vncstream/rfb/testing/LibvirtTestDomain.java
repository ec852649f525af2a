package io.vncstream.rfb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny TCG domain under the system libvirt (the {@link TinyVmImage} kernel and initramfs,
 * direct kernel boot): VNC on 127.0.0.1 with a port libvirt picks, a pty serial with its
 * console ({@code serial0}, the busybox shell), a unix-socket serial ({@code serial1}, a second
 * shell the kit starts on ttyS1) and a unix virtio channel ({@code channel0}). Without systemd,
 * {@code virtlogd} and {@code libvirtd} are started by hand when none answers, and stopped
 * again (by pid) by whoever started them. With ACPI on, the guest powers off on the power button
 * ({@code virsh shutdown}; {@code virsh reboot} is then libvirt's reset after that power-off).
 * {@link #close} destroys and undefines the domain.
 * Boot one per test class: it takes half a minute under TCG.
 */
public final class LibvirtTestDomain implements AutoCloseable {
    public static final String URI = "qemu:///system";
    /** Where QEMU (user libvirt-qemu) can read the kernel and create sockets. */
    static final Path IMAGES = Path.of("/var/lib/libvirt/images/vncstream-test");
    static final Path SOCKETS = Path.of("/var/lib/libvirt/qemu");
    /** Long: libvirtd probes QEMU again for a define now and then, which took over 2 minutes on a loaded machine. */
    private static final Duration VIRSH = Duration.ofSeconds(300);
    private static final Duration SHELL = Duration.ofSeconds(150);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private static Daemons daemons;
    private static int users;

    private final String name;
    private final String uri;
    private final Path serialSocket;
    private final Path channelSocket;

    private LibvirtTestDomain(String name, String uri) {
        this.name = name;
        this.uri = uri;
        this.serialSocket = SOCKETS.resolve(name + "-serial1.sock");
        this.channelSocket = SOCKETS.resolve(name + "-channel0.sock");
    }

    /** Starts libvirt if needed, defines and starts the domain, and waits for its shells. */
    public static LibvirtTestDomain boot() throws IOException, InterruptedException {
        return boot(URI);
    }

    /**
     * The same domain under the libvirtd answering at {@code uri} (a test's own, such as a
     * {@link PrivateLibvirtd}): that daemon must be running; this one starts none.
     */
    public static LibvirtTestDomain boot(String uri) throws IOException, InterruptedException {
        TestPeers.requireProgram("virsh", "libvirt-clients");
        TestPeers.requireProgram("script", "util-linux");
        TestPeers.requireProgram("qemu-system-x86_64", "qemu-system-x86");
        TestPeers.require("root".equals(System.getProperty("user.name")),
                "root, to run the system libvirt (libvirt-daemon-system) for the test domain");
        Path kernel = TinyVmImage.kernel();
        Path initrd = TinyVmImage.initramfs();
        if (uri.equals(URI)) {
            acquireDaemons();
        }
        LibvirtTestDomain d = new LibvirtTestDomain("vncstream-test-" + ProcessHandle.current().pid() + "-"
                + COUNT.incrementAndGet(), uri);
        try {
            Files.createDirectories(IMAGES);
            Files.setPosixFilePermissions(IMAGES, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path k = IMAGES.resolve("vmlinuz");
            Path i = IMAGES.resolve(initrd.getFileName());
            copy(kernel, k);
            copy(initrd, i);
            Path xml = Files.createTempFile("domain", ".xml");
            try {
                Files.writeString(xml, d.xml(k, i));
                virshOn(uri, "define", xml.toString());
            } finally {
                Files.deleteIfExists(xml);
            }
            virshOn(uri, "start", d.name);
            d.awaitShell();
            d.startSecondShell();
            return d;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            d.close();
            throw e;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(to) || Files.size(to) != Files.size(from)) {
            Path tmp = to.resolveSibling(to.getFileName() + ".tmp" + ProcessHandle.current().pid());
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    String xml(Path kernel, Path initrd) {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>console=tty0 console=ttyS0 vt.global_cursor_default=0</cmdline>
                  </os>
                  <features><acpi/></features>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <devices>
                    <graphics type='vnc' listen='127.0.0.1' port='-1'/>
                    <video><model type='vga'/></video>
                    <serial type='pty'><target port='0'/></serial>
                    <console type='pty'><target type='serial' port='0'/></console>
                    <serial type='unix'><source mode='bind' path='%s'/><target port='1'/></serial>
                    <channel type='unix'><source mode='bind' path='%s'/><target type='virtio' name='org.vncstream.test.0'/></channel>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, kernel, initrd, serialSocket, channelSocket);
    }

    public String uri() {
        return uri;
    }

    public String name() {
        return name;
    }

    /** The unix socket of {@code serial1} (ttyS1 in the guest). */
    public Path serialSocket() {
        return serialSocket;
    }

    /** {@code virsh -c qemu:///system ARGS}, which must succeed; returns its output. */
    public static String virsh(String... args) throws IOException, InterruptedException {
        return virshOn(URI, args);
    }

    /** {@code virsh -c URI ARGS} on this domain's libvirtd, which must succeed; returns its output. */
    public String virshHere(String... args) throws IOException, InterruptedException {
        return virshOn(uri, args);
    }

    private static String virshOn(String uri, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
        c.addAll(List.of(args));
        return Processes.check(VIRSH, Map.of("LC_ALL", "C"), null, c.toArray(String[]::new));
    }

    /** The domain's state in virsh's words ("running", "shut off"). */
    public String state() throws IOException, InterruptedException {
        return virshHere("domstate", name).strip();
    }

    /** The live domain XML. */
    public String dumpxml() throws IOException, InterruptedException {
        return virshHere("dumpxml", name);
    }

    /**
     * Hot-plugs the QEMU guest agent's channel ({@code org.qemu.guest_agent.0} on a unix socket
     * QEMU listens on), which libvirt then connects to itself, as to any guest agent.
     */
    public void attachGuestAgentChannel() throws IOException, InterruptedException {
        withDeviceXml(guestAgentXml(), "attach-device");
    }

    /** Unplugs the channel {@link #attachGuestAgentChannel} added. */
    public void detachGuestAgentChannel() throws IOException, InterruptedException {
        withDeviceXml(guestAgentXml(), "detach-device");
    }

    private String guestAgentXml() {
        return "<channel type='unix'><source mode='bind' path='" + SOCKETS.resolve(name + "-agent.sock")
                + "'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>";
    }

    private void withDeviceXml(String device, String command) throws IOException, InterruptedException {
        Path xml = Files.createTempFile("device", ".xml");
        try {
            Files.writeString(xml, device);
            virsh(command, name, xml.toString(), "--live");
        } finally {
            Files.deleteIfExists(xml);
        }
    }

    /** Waits until the shell on serial0 answers (after a boot or a restart). */
    public void awaitShell() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SHELL.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                run("true", Duration.ofSeconds(20));
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw new IOException("the shell of " + name + " did not answer within " + SHELL.toSeconds() + " s", last);
    }

    /** A shell on ttyS1, the unix-socket serial, started from the one on ttyS0 (gone after a reboot). */
    public void startSecondShell() throws IOException, InterruptedException {
        run("(while true; do setsid sh -i </dev/ttyS1 >/dev/ttyS1 2>&1; done) >/dev/null 2>&1 &", Duration.ofSeconds(20));
    }

    /**
     * Runs a command in the shell on serial0 through a {@code virsh console} of its own (under
     * {@code script} for the terminal virsh wants), which it ends again; returns the output.
     * Fails while another console holds serial0.
     */
    public String run(String command, Duration timeout) throws IOException, InterruptedException {
        int n = 1000 + COMMANDS.incrementAndGet();
        String line = "virsh -c '" + uri + "' console " + name + " serial0";
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] b = new byte[4096];
                int r;
                while ((r = in.read(b)) >= 0) {
                    out.append(new String(b, 0, r, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // ended
            }
        }, "test console " + name);
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            await(out, "Escape character", 0, deadline, p);
            Thread.sleep(300);
            if (!p.isAlive()) {
                throw new IOException("virsh console ended at once: " + out);
            }
            int from = out.length();
            OutputStream in = p.getOutputStream();
            // Two lines: a command may end in '&', after which ';' would be a syntax error.
            in.write(("\r" + command + "\recho done-$((" + (n - 1) + "+1))-done\r").getBytes(StandardCharsets.UTF_8));
            in.flush();
            int end = await(out, "done-" + n + "-done", from, deadline, p);
            String result = out.substring(from, end);
            in.write(0x1d);
            in.flush();
            p.waitFor(5, TimeUnit.SECONDS);
            return result;
        } finally {
            Processes.killTree(p.toHandle());
        }
    }

    private static int await(StringBuffer text, String needle, int from, long deadline, Process p)
            throws IOException, InterruptedException {
        while (true) {
            int at = text.indexOf(needle, from);
            if (at >= 0) {
                return at;
            }
            if (System.nanoTime() > deadline || !p.isAlive() && text.indexOf(needle, from) < 0) {
                throw new IOException("no '" + needle + "' from the console; it printed:\n"
                        + SerialConsole.tail(text.substring(Math.min(from, text.length()))));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        try {
            Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "destroy", name));
            Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "undefine", name));
            Files.deleteIfExists(serialSocket);
            Files.deleteIfExists(channelSocket);
            Files.deleteIfExists(SOCKETS.resolve(name + "-agent.sock"));
        } catch (IOException | InterruptedException e) {
            System.err.println("could not remove the test domain " + name + ": " + e.getMessage());
        } finally {
            if (uri.equals(URI)) {
                releaseDaemons();
            }
        }
    }

    // ---- the daemons ----

    /**
     * The system libvirt for a test that needs no domain of its own (a lookup that must fail, a
     * connection over SSH): started by hand when none answers, as for {@link #boot}, and stopped
     * again when the last user closes its handle.
     */
    public static AutoCloseable daemons() throws IOException, InterruptedException {
        TestPeers.requireProgram("virsh", "libvirt-clients");
        TestPeers.require("root".equals(System.getProperty("user.name")),
                "root, to run the system libvirt (libvirt-daemon-system)");
        acquireDaemons();
        return LibvirtTestDomain::releaseDaemons;
    }

    private record Daemons(ProcessHandle virtlogd, ProcessHandle libvirtd) {
    }

    private static synchronized void acquireDaemons() throws IOException, InterruptedException {
        users++;
        if (users > 1 || answers()) {
            return;
        }
        Path run = Files.createTempDirectory("libvirt-test");
        ProcessHandle virtlogd = null;
        if (!Files.exists(Path.of("/run/libvirt/virtlogd-sock"))) {
            virtlogd = daemon(TestPeers.requireProgram("virtlogd", "libvirt-daemon-system"), run.resolve("virtlogd.pid"));
        }
        ProcessHandle libvirtd = daemon(TestPeers.requireProgram("libvirtd", "libvirt-daemon-system"), run.resolve("libvirtd.pid"));
        daemons = new Daemons(virtlogd, libvirtd);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("libvirtd started but does not answer on " + URI);
            }
            Thread.sleep(200);
        }
    }

    /** {@code NAME -d -p PIDFILE}: it forks; the pid file says who to stop later. */
    private static ProcessHandle daemon(String program, Path pidFile) throws IOException, InterruptedException {
        Processes.check(Duration.ofSeconds(30), Map.of(), null, program, "-d", "-p", pidFile.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(program + " wrote no pid file " + pidFile);
            }
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException(program + " (pid " + pid + ") is gone at once"));
    }

    private static boolean answers() throws InterruptedException {
        try {
            return Processes.run(Duration.ofSeconds(30), Map.of(), null, List.of("virsh", "-q", "-c", URI, "uri")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized void releaseDaemons() {
        if (--users > 0 || daemons == null) {
            return;
        }
        // libvirtd first: it is virtlogd's client.
        for (ProcessHandle h : new ProcessHandle[] {daemons.libvirtd(), daemons.virtlogd()}) {
            if (h != null) {
                h.destroy();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            }
        }
        daemons = null;
    }

    @Override
    public String toString() {
        return name;
    }

}
