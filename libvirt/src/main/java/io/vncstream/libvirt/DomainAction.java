package io.vncstream.libvirt;

/** What the domain menu does, as the virsh command that does it. */
public enum DomainAction {
    START("start", "Start"), PAUSE("suspend", "Pause"), RESUME("resume", "Resume"),
    REBOOT("reboot", "Reboot"), RESET("reset", "Reset (force)"), SHUTDOWN("shutdown", "Shut down"),
    FORCE_OFF("destroy", "Force off");

    private final String command;
    private final String label;

    DomainAction(String command, String label) {
        this.command = command;
        this.label = label;
    }

    public String command() {
        return command;
    }

    public String label() {
        return label;
    }

    /** Whether it may lose the guest's unsaved work, so that a user confirms it first. */
    public boolean isForced() {
        return this == FORCE_OFF || this == RESET;
    }
}
