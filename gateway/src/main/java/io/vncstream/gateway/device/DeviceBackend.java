package io.vncstream.gateway.device;

import java.io.IOException;

/** How to reach a device; opened again (with backoff) whenever the connection is lost. */
public interface DeviceBackend {
    DeviceConnection open() throws IOException;

    /** "unix:/run/vm/serial0.sock", for logs. */
    String describe();
}
