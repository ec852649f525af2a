package io.vncstream.rfb.stream;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.devices.DeviceCapture;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open capture of one device: its server-chosen ID, input to the device with
 * {@link #send}, and {@link #close} to end it. Output is handed to the application's listener
 * on a delivery thread of its own, so a slow consumer never stalls the connection's reader.
 */
public final class Capture implements DeviceCapture {
    private final StreamClient client;
    private final int id;
    private final String device;
    private final CaptureListener listener;
    private final CaptureDelivery delivery;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Whether the next data is still the server's replay (see {@link CaptureListener#replayed}); reader thread. */
    private boolean replaying = true;

    Capture(StreamClient client, int id, String device, CaptureListener listener, CaptureDelivery delivery) {
        this.client = client;
        this.id = id;
        this.device = device;
        this.listener = listener;
        this.delivery = delivery;
    }

    public int id() {
        return id;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public boolean isOpen() {
        return !ended.get();
    }

    /** Sends bytes to the device (split into messages of at most 1 MiB); ignored once ended. */
    @Override
    public void send(byte[] data) {
        if (isOpen()) {
            client.sendData(id, data);
        }
    }

    /** Ends the capture; the server's acknowledgement ends the delivery. */
    @Override
    public void close() {
        if (isOpen()) {
            client.endCapture(this);
        }
    }

    /**
     * Reader thread: hands the data to the delivery thread, waiting while the application is far
     * behind (see {@link CaptureDelivery}).
     */
    void deliver(byte[] data) {
        boolean replay = replaying;
        replaying = replay && data.length == Limits.MAX_STREAM_DATA;
        if (isOpen()) {
            try {
                delivery.output(replay ? () -> listener.replayed(data) : () -> listener.output(data), data.length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            delivery.finish(() -> listener.ended(reason));
        }
    }
}
