package io.vncstream.rfb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A libvirtd of the test's own, for a qemu.conf the shared system daemon must not get (such as
 * {@code vnc_tls = 1}): it runs in a private mount namespace ({@code unshare --mount}) where
 * {@code /etc/libvirt} is a fresh tree holding only the test's libvirtd.conf and qemu.conf, and
 * {@code /run/libvirt}, {@code /var/lib/libvirt/qemu} and {@code /var/cache/libvirt} are its own,
 * so it neither sees nor touches the shared daemon's domains, sockets or state. Its sockets are
 * in a directory of the test's, reached as {@code qemu+unix:///system?socket=PATH}. QEMU runs as
 * root without relabelling files ({@code dynamic_ownership = 0}), so the shared kernel image is
 * read as it is; its output goes to files ({@code stdio_handler = "file"}), so no virtlogd is
 * needed. {@link #close} destroys and undefines whatever domains are left, then stops the daemon.
 */
public final class PrivateLibvirtd implements AutoCloseable {
    private static final Duration VIRSH = Duration.ofSeconds(60);

    private final Path dir;
    private final Process process;
    private final String uri;

    private PrivateLibvirtd(Path dir, Process process, String uri) {
        this.dir = dir;
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts one whose qemu.conf has {@code qemuConf} besides the settings above. Skips (fails in
     * CI) without root, {@code unshare} or libvirtd.
     */
    public static PrivateLibvirtd start(String qemuConf) throws IOException, InterruptedException {
        TestPeers.require("root".equals(System.getProperty("user.name")), "root, to run a libvirtd of the test's own");
        String unshare = TestPeers.requireProgram("unshare", "util-linux");
        String libvirtd = TestPeers.requireProgram("libvirtd", "libvirt-daemon-system");
        TestPeers.requireProgram("virsh", "libvirt-clients");
        Path dir = Files.createTempDirectory("private-libvirtd");
        for (String d : List.of("etc/qemu", "qemu", "cache", "sock", "log")) {
            Files.createDirectories(dir.resolve(d));
        }
        Path sock = dir.resolve("sock");
        Files.writeString(dir.resolve("etc/libvirtd.conf"), """
                unix_sock_dir = "%s"
                unix_sock_group = "root"
                unix_sock_ro_perms = "0700"
                unix_sock_rw_perms = "0700"
                auth_unix_ro = "none"
                auth_unix_rw = "none"
                log_outputs = "3:file:%s"
                """.formatted(sock, dir.resolve("log/libvirtd.log")));
        Files.writeString(dir.resolve("etc/qemu.conf"), """
                stdio_handler = "file"
                user = "root"
                group = "root"
                dynamic_ownership = 0
                remember_owner = 0
                security_driver = "none"
                """ + qemuConf + "\n");
        // The mounts exist only in the namespace, which ends with libvirtd (exec) and its QEMUs.
        String script = String.join("\n",
                "set -e",
                "mount -t tmpfs -o mode=0755 tmpfs /run/libvirt",
                "mount --bind " + dir.resolve("etc") + " /etc/libvirt",
                "mount --bind " + dir.resolve("qemu") + " /var/lib/libvirt/qemu",
                "mount --bind " + dir.resolve("cache") + " /var/cache/libvirt",
                "exec " + libvirtd + " --config " + dir.resolve("etc/libvirtd.conf") + " -p " + dir.resolve("libvirtd.pid"));
        Files.writeString(dir.resolve("start.sh"), script + "\n");
        Path log = dir.resolve("log/stdout.log");
        Process p = Processes.start(Map.of(), dir, log, List.of(unshare, "--mount", "--propagation", "private",
                "sh", dir.resolve("start.sh").toString()));
        String uri = "qemu+unix:///system?socket=" + sock.resolve("libvirt-sock");
        PrivateLibvirtd d = new PrivateLibvirtd(dir, p, uri);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!d.answers()) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the private libvirtd " + (p.isAlive() ? "does not answer" : "ended at once")
                            + " on " + uri + ":\n" + Processes.tail(log) + "\n" + Processes.tail(dir.resolve("log/libvirtd.log")));
                }
                Thread.sleep(200);
            }
            return d;
        } catch (IOException | InterruptedException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private boolean answers() throws InterruptedException {
        try {
            return Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "uri")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code qemu+unix:///system?socket=PATH}. */
    public String uri() {
        return uri;
    }

    /** The daemon's own log (errors and warnings), for failure messages. */
    public String logTail() {
        return Processes.tail(dir.resolve("log/libvirtd.log"));
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                List<String> names = new ArrayList<>();
                var r = Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "list", "--all", "--name"));
                for (String line : r.output().split("\\R")) {
                    if (!line.isBlank()) {
                        names.add(line.strip());
                    }
                }
                for (String name : names) {
                    Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "destroy", name));
                    Processes.run(VIRSH, Map.of(), null, List.of("virsh", "-q", "-c", uri, "undefine", name));
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not clear the private libvirtd's domains: " + e.getMessage());
        } finally {
            Processes.killTree(process.toHandle());
            Processes.deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return uri;
    }
}
