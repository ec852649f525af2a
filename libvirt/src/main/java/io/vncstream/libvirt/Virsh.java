package io.vncstream.libvirt;

import io.vncstream.libvirt.host.CommandHost;
import io.vncstream.libvirt.host.CommandResult;
import io.vncstream.libvirt.host.RunningCommand;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code virsh -c URI ...} on the libvirt host, its failures turned into {@link LibvirtException}s. */
public final class Virsh {
    /** How long one virsh command may take (the first one after libvirtd starts probes QEMU). */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final CommandHost host;
    private final LibvirtUri uri;

    public Virsh(CommandHost host, LibvirtUri uri) {
        this.host = host;
        this.uri = uri;
    }

    public CommandHost host() {
        return host;
    }

    public LibvirtUri uri() {
        return uri;
    }

    /** The full command line for {@code args}. */
    public List<String> command(String... args) {
        List<String> c = new ArrayList<>(List.of("virsh", "-q", "-c", uri.virshUri()));
        c.addAll(List.of(args));
        return c;
    }

    public CommandResult run(String... args) throws IOException, InterruptedException {
        try {
            return host.run(command(args), COMMAND_TIMEOUT);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("error=2,")) {
                throw new LibvirtException("virsh is not installed on " + host.name()
                        + " (Debian/Ubuntu package libvirt-clients, Fedora libvirt-client)");
            }
            throw e;
        }
    }

    /** Runs {@code args}; a failure is described for a user, {@code domain} being what was asked for (or null). */
    public String check(String domain, String... args) throws IOException, InterruptedException {
        CommandResult r = run(args);
        if (!r.ok()) {
            throw VirshErrors.describe(this, domain, r.stderr());
        }
        return r.stdout();
    }

    /**
     * Starts a long-running virsh command, under a terminal when it needs one (console), and then
     * without -q: the console's "Escape character" line is how we know it is open.
     */
    public RunningCommand start(boolean terminal, String... args) throws IOException {
        List<String> c = command(args);
        if (terminal) {
            c.remove("-q");
        }
        return host.start(c, terminal);
    }
}
