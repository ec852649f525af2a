package io.vncstream.rfb.devices;

/** An open capture of one device: input with {@link #send}, {@link #close} to end it. */
public interface DeviceCapture extends AutoCloseable {
    String device();

    boolean isOpen();

    /** Sends bytes to the device; ignored once the capture has ended. */
    void send(byte[] data);

    /** Ends the capture; the output listener hears {@link OutputListener#ended} once it has. */
    @Override
    void close();
}
