package io.vncstream.libvirt;

/** A domain found on a libvirt connection: its name, UUID, id (-1 when not running) and state then. */
public record Domain(String name, String uuid, int id, DomainState state) {
    @Override
    public String toString() {
        return name;
    }
}
