package io.vncstream.rfb.stream;

import io.vncstream.rfb.devices.OutputListener;

/** Receives one capture's device output, in order, on the capture's own delivery thread. */
public interface CaptureListener extends OutputListener {
}
