package io.vncstream.libvirt.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code virsh event}: {@code event 'lifecycle' for domain 'vm1': Stopped Destroyed},
 * {@code event 'device-added' for domain 'vm1': channel1}, {@code event 'reboot' for domain 'vm1'}.
 */
public record DomainEvent(String type, String domain, String detail) {
    private static final Pattern LINE = Pattern.compile("^(?:\\S+ \\S+: )?event '([^']+)' for domain '(.*?)'(?:: (.*))?$");

    /** The event a line tells of, or null for anything else virsh prints. */
    public static DomainEvent parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        return new DomainEvent(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3).strip());
    }

    public boolean isLifecycle() {
        return type.equals("lifecycle");
    }

    /** The lifecycle's first word: Started, Stopped, Suspended, Resumed, Shutdown, Crashed... */
    public String lifecycle() {
        int space = detail.indexOf(' ');
        return space < 0 ? detail : detail.substring(0, space);
    }

    public boolean isDeviceChange() {
        return type.equals("device-added") || type.equals("device-removed");
    }

    public boolean isReboot() {
        return type.equals("reboot");
    }

    /**
     * Whether the domain's devices may have changed. Not for a VNC or SPICE client coming and
     * going (three 'graphics' events for each, ours too, just as its first frame is on the way),
     * the guest setting its clock, or the balloon: reading the XML again after those is wasted.
     * Any other event, known or not, may.
     */
    public boolean mayChangeDevices() {
        return !(type.equals("graphics") || type.equals("rtc-change") || type.equals("balloon-change"));
    }
}
