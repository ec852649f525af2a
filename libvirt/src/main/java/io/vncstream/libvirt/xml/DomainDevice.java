package io.vncstream.libvirt.xml;

import io.vncstream.rfb.devices.DeviceInfo;

/**
 * One character device of a domain: {@code <serial>}, {@code <console>}, {@code <parallel>} or
 * {@code <channel>}, by its alias, with its backend type ({@code pty}, {@code unix}, {@code tcp},
 * {@code file}...) and where that is (pty path, socket path, host:port), and the target's type
 * and name ({@code virtio}, {@code org.qemu.guest_agent.0}).
 */
public record DomainDevice(String element, String alias, String type, String sourcePath, String sourceMode,
                           String tcpHost, String tcpPort, String targetType, String targetName) {
    public static final String GUEST_AGENT = "org.qemu.guest_agent.0";

    /** libvirt talks to the guest agent itself: opening its channel would take it away. */
    public boolean isGuestAgent() {
        return GUEST_AGENT.equals(targetName);
    }

    /** Whether vncstream can open it: a pty (through libvirt's console stream) or a socket QEMU listens on. */
    public boolean isOpenable() {
        return type.equals("pty") || (type.equals("unix") || type.equals("tcp")) && "bind".equals(sourceMode);
    }

    /** What the device list shows beside the alias. */
    public String detail() {
        StringBuilder d = new StringBuilder();
        if (targetName != null && !targetName.isEmpty()) {
            d.append(targetName);
        } else if (element.equals("console") && targetType != null) {
            d.append(targetType).append(" console");
        }
        if (!isOpenable()) {
            d.append(d.length() > 0 ? ", " : "").append(type);
        }
        return d.toString();
    }

    public DeviceInfo info() {
        return new DeviceInfo(alias, detail(), isOpenable() && !isGuestAgent());
    }
}
