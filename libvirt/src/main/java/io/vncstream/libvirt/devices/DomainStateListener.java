package io.vncstream.libvirt.devices;

import io.vncstream.libvirt.DomainState;

/** Hears the domain's state change (running, paused, shut off), on the source's worker thread. */
public interface DomainStateListener {
    void stateChanged(DomainState state);
}
