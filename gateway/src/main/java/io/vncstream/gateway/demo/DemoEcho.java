package io.vncstream.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A hot-plugged demo device: greets, then echoes what it receives (Enter as a new line). */
final class DemoEcho implements DemoProgram {
    private final String name;
    private volatile Consumer<byte[]> output = b -> { };

    DemoEcho(String name) {
        this.name = name;
    }

    @Override
    public void start(Consumer<byte[]> out) {
        output = out;
        out.accept(("echo console " + name + ": what you type comes back\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void input(byte[] data) {
        output.accept(new String(data, StandardCharsets.ISO_8859_1).replace("\r", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void stop() {
    }
}
