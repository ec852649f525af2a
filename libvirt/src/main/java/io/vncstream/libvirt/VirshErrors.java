package io.vncstream.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** virsh's {@code error: ...} lines, said as what the user should know or do. */
final class VirshErrors {
    private VirshErrors() {
    }

    static LibvirtException describe(Virsh virsh, String domain, String stderr) {
        String said = said(stderr);
        String lower = said.toLowerCase(Locale.ROOT);
        LibvirtUri uri = virsh.uri();
        String where = uri + (virsh.host().name().equals("this machine") ? "" : " on " + virsh.host().name());
        if (lower.contains("virsh: command not found") || lower.contains("virsh: not found")) {
            return new LibvirtException("virsh is not installed on " + virsh.host().name()
                    + " (Debian/Ubuntu package libvirt-clients, Fedora libvirt-client)");
        }
        if (lower.contains("permission denied") || lower.contains("authentication unavailable")
                || lower.contains("polkit") || lower.contains("system bus connection")
                || lower.contains("authentication failed") || lower.contains("access denied")) {
            return new LibvirtException("permission denied connecting to " + where + " as user '" + virsh.host().user()
                    + "' (" + said + "): " + (uri.isSystem()
                    ? "add the user to the 'libvirt' group and log in again, or use qemu:///session for the user's own VMs"
                    : "check the user's libvirt session"));
        }
        if (lower.contains("failed to connect socket") || lower.contains("connection refused")
                || lower.contains("failed to connect to the hypervisor") && !lower.contains("no connection driver")) {
            return new LibvirtException("libvirt is not reachable at " + where + " (" + said + "): is libvirtd running"
                    + (uri.isSsh() ? " on that host" : "") + "?");
        }
        if (lower.contains("no connection driver")) {
            return new LibvirtException("libvirt at " + where + " has no driver for this URI (" + said
                    + "): is the URI right, e.g. qemu:///system?");
        }
        if (domain != null && (lower.contains("failed to get domain") || lower.contains("domain not found"))) {
            return new LibvirtException("no domain '" + domain + "' on " + where + existing(virsh));
        }
        return new LibvirtException("virsh on " + where + ": " + said);
    }

    /** The names that do exist, for a "not found" message. */
    private static String existing(Virsh virsh) {
        try {
            var r = virsh.run("list", "--all", "--name");
            if (!r.ok()) {
                return "";
            }
            List<String> names = new ArrayList<>();
            r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
            return names.isEmpty() ? " (it has no domains)" : " (domains: " + String.join(", ", names) + ")";
        } catch (Exception e) {
            return "";
        }
    }

    /** The error lines without their "error: " prefixes, joined into one line; escapes removed. */
    static String said(String stderr) {
        List<String> parts = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("error: ")) {
                l = l.substring("error: ".length());
            }
            if (!l.isEmpty()) {
                parts.add(printable(l));
            }
        }
        return parts.isEmpty() ? "no reason given" : String.join(": ", parts);
    }

    /** Control characters from another program never reach a terminal or log as such. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.length() > 2000 ? b.substring(0, 2000) + "..." : b.toString();
    }
}
