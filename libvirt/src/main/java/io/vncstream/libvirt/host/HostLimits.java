package io.vncstream.libvirt.host;

/** Bounds on what is read from programs on the host. */
public final class HostLimits {
    /** virsh's output for one command (a domain's XML is a few KiB; the list of domains more). */
    public static final int MAX_COMMAND_OUTPUT = 8 * 1024 * 1024;
    /** One line of a long-running program's output (virsh event). */
    public static final int MAX_LINE = 64 * 1024;

    private HostLimits() {
    }
}
