package io.vncstream.libvirt.events;

/** Hears a domain's events, on the events' reader thread. */
public interface DomainEventListener {
    void event(DomainEvent event);

    /** virsh event stopped (libvirt went away, or {@link DomainEvents#close}). */
    default void ended(String reason) {
    }
}
