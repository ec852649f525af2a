package io.vncstream.libvirt;

import io.vncstream.libvirt.host.CommandHost;
import io.vncstream.libvirt.host.LocalHost;
import io.vncstream.libvirt.host.SshCommandHost;
import io.vncstream.libvirt.xml.DomainXml;
import io.vncstream.libvirt.xml.VncEndpoint;
import io.vncstream.ssh.SshOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One libvirt connection (a URI on a host): its domains, their XML and their lifecycle, through virsh. */
public final class Libvirt implements AutoCloseable {
    /** A row of {@code virsh list --all}: id or "-", name, state (which may have a space). */
    private static final Pattern LIST_ROW = Pattern.compile("^\\s*(\\d+|-)\\s+(\\S+)\\s+(\\S.*?)\\s*$");

    private final Virsh virsh;

    private Libvirt(Virsh virsh) {
        this.virsh = virsh;
    }

    /** Connects locally, or (for {@code qemu+ssh://}) through {@code host}, and checks that libvirt answers. */
    public static Libvirt connect(LibvirtUri uri, CommandHost host) throws IOException, InterruptedException {
        Libvirt l = new Libvirt(new Virsh(host, uri));
        l.virsh.check(null, "uri");
        return l;
    }

    /**
     * Any supported URI: a local one on this machine, {@code qemu+ssh://} over one SSH connection
     * made with {@code ssh} (known_hosts, keys, agent, prompts), which closing this ends.
     */
    public static Libvirt open(LibvirtUri uri, SshOptions ssh) throws IOException, InterruptedException {
        if (!uri.isSsh()) {
            return connectLocal(uri);
        }
        SshCommandHost host = SshCommandHost.open(uri, ssh);
        try {
            return connect(uri, host);
        } catch (IOException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /**
     * As {@link #open}, leaving out the check that libvirt answers: for a caller whose first
     * command, a domain's lookup ({@link #resolve}), fails in the same words when it does not.
     * One virsh call less on the way to a domain's window. With {@code reconnect}, a lost SSH
     * connection is made again when next used ({@link SshCommandHost#open(LibvirtUri, SshOptions, boolean)}),
     * for a caller that outlives it: a viewer window whose screen and consoles come back.
     */
    public static Libvirt openUnchecked(LibvirtUri uri, SshOptions ssh, boolean reconnect) throws IOException {
        return new Libvirt(new Virsh(uri.isSsh() ? SshCommandHost.open(uri, ssh, reconnect) : new LocalHost(), uri));
    }

    /** A local URI on this machine. */
    public static Libvirt connectLocal(LibvirtUri uri) throws IOException, InterruptedException {
        if (uri.isSsh()) {
            throw new IllegalArgumentException(uri + " is remote: connect it through an SSH host");
        }
        return connect(uri, new LocalHost());
    }

    public Virsh virsh() {
        return virsh;
    }

    public LibvirtUri uri() {
        return virsh.uri();
    }

    /** Every domain, running or not, as {@code virsh list --all} has them. */
    public List<Domain> domains() throws IOException, InterruptedException {
        String out = virsh.check(null, "list", "--all");
        List<Domain> list = new ArrayList<>();
        for (String line : out.split("\\R")) {
            Matcher m = LIST_ROW.matcher(line);
            if (m.matches()) {
                int id = m.group(1).equals("-") ? -1 : Integer.parseInt(m.group(1));
                list.add(new Domain(m.group(2), null, id, DomainState.parse(m.group(3))));
            }
        }
        return list;
    }

    /** Finds a domain by name, UUID or id; not found names the domains that exist. */
    public Domain resolve(String domain) throws IOException, InterruptedException {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("no domain given (a name, UUID or id)");
        }
        Map<String, String> info = fields(virsh.check(domain, "dominfo", domain));
        String id = info.getOrDefault("Id", "-");
        return new Domain(info.get("Name"), info.get("UUID"), id.matches("\\d+") ? Integer.parseInt(id) : -1,
                DomainState.parse(info.get("State")));
    }

    /** The domain's state now. */
    public DomainState state(Domain d) throws IOException, InterruptedException {
        return DomainState.parse(virsh.check(d.name(), "domstate", d.uuid()).strip());
    }

    /**
     * The live XML, with the VNC password when this user may read it ({@code --security-info}
     * needs a read-write connection; without it the XML has no passwd and the password is asked).
     */
    public DomainXml xml(Domain d) throws IOException, InterruptedException {
        var r = virsh.run("dumpxml", "--security-info", d.uuid());
        if (!r.ok()) {
            return DomainXml.parse(virsh.check(d.name(), "dumpxml", d.uuid()));
        }
        return DomainXml.parse(r.stdout());
    }

    /** The domain's VNC screen now; an error says why there is none (not running, other graphics). */
    public VncEndpoint screen(Domain d, DomainXml xml) throws LibvirtException {
        if (!xml.hasVnc()) {
            List<String> types = xml.graphicsTypes();
            throw new LibvirtException("domain '" + d.name() + "' has no VNC graphics ("
                    + (types.isEmpty() ? "it has no graphics at all" : "it has " + String.join(", ", types))
                    + "): add <graphics type='vnc'/> to it (virsh edit " + d.name() + ")");
        }
        VncEndpoint e = xml.vnc();
        if (e == null || xml.id() < 0) {
            throw new LibvirtException("domain '" + d.name() + "' is not running, so it has no screen yet (virsh start "
                    + d.name() + ")");
        }
        return e;
    }

    /** Pause, resume, reboot, shut down, force off... */
    public void act(Domain d, DomainAction action) throws IOException, InterruptedException {
        virsh.check(d.name(), action.command(), d.uuid());
    }

    private static Map<String, String> fields(String out) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                m.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return m;
    }

    @Override
    public void close() {
        virsh.host().close();
    }
}
