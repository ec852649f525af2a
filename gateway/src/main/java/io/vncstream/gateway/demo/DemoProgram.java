package io.vncstream.gateway.demo;

import java.util.function.Consumer;

/** An in-process device: it gets input bytes and writes output through the consumer it was started with. */
interface DemoProgram {
    void start(Consumer<byte[]> output);

    void input(byte[] data);

    void stop();
}
