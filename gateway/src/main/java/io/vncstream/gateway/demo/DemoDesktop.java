package io.vncstream.gateway.demo;

import io.vncstream.gateway.session.Desktop;
import io.vncstream.gateway.session.DesktopConnection;
import io.vncstream.gateway.session.MessageSink;

/** The embedded demo desktop: one scene shared by every viewer, each with its own update state. */
public final class DemoDesktop implements Desktop {
    private final DemoScene scene = new DemoScene();

    @Override
    public DesktopConnection open(MessageSink viewer, boolean shared) {
        return new DemoConnection(scene, viewer);
    }

    public DemoScene scene() {
        return scene;
    }

    @Override
    public String describe() {
        return "demo desktop";
    }

    @Override
    public void close() {
        scene.close();
    }
}
