package io.vncstream.viewer.ui;

/**
 * A viewer window's title: the desktop's name (the address until the server names it), the
 * libvirt domain's state when there is one, and whether the connection is lost, as TigerVNC and
 * virt-viewer put the state of things where a task bar shows it.
 */
final class WindowTitle {
    private final String address;
    private String desktopName;
    private String domainState;

    WindowTitle(String address) {
        this.address = address;
    }

    /** The server's name for its desktop; blank or null: the address. */
    void desktopName(String name) {
        desktopName = name == null || name.isBlank() ? address : name;
    }

    /** "running", "shut off"...; null: no domain. */
    void domainState(String state) {
        domainState = state;
    }

    String text(boolean disconnected) {
        String name = desktopName == null ? address : desktopName;
        return name + (domainState != null ? " (" + domainState + ")" : "") + (disconnected ? " (disconnected)" : "")
                + " - vncstream";
    }
}
