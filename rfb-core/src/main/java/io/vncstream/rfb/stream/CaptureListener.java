package io.vncstream.rfb.stream;

/** Receives one capture's device output, in order, on the capture's own delivery thread. */
public interface CaptureListener {
    void output(byte[] data);

    /**
     * Output that the device produced before this capture started, which the server replays at its
     * start (a backlog: the boot log of a console opened late). The stream extension carries no
     * mark for it; a server sends its replay as the capture's first send-data, split into messages
     * of {@link io.vncstream.rfb.Limits#MAX_STREAM_DATA} only when longer, so the first message and
     * those after a full-size one are taken as the replay. A terminal must not answer the queries in
     * it (cursor position, device attributes): the device asked them long ago, and the answer would
     * reach it as if typed. By default replayed output is treated as any other.
     */
    default void replayed(byte[] data) {
        output(data);
    }

    /** The capture ended: closed by us, by the server, or because the device was removed. */
    default void ended(String reason) {
    }
}
