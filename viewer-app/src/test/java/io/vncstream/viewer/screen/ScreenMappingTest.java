package io.vncstream.viewer.screen;

import io.vncstream.rfb.framebuffer.Framebuffer;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenMappingTest {
    @Test
    void nativeOnANormalScreenIsIdentity() {
        ScreenMapping m = ScreenMapping.of(Scaling.NATIVE, 1024, 768, 1.0, 1024, 768);
        assertThat(m.scale()).isEqualTo(1.0);
        assertThat(m.remoteX(0)).isZero();
        assertThat(m.remoteX(1023.9)).isEqualTo(1023);
        assertThat(m.remoteY(500)).isEqualTo(500);
        assertThat(m.toComponent(10, 20, 30, 40)).isEqualTo(new Rectangle(10, 20, 30, 40));
    }

    @Test
    void nativeOnHiDpiIsOneRemotePixelPerDevicePixel() {
        ScreenMapping m = ScreenMapping.of(Scaling.NATIVE, 1024, 768, 2.0, 512, 384);
        assertThat(m.scale()).isEqualTo(0.5);
        assertThat(m.remoteX(100)).isEqualTo(200);
        assertThat(m.remoteX(100.5)).isEqualTo(201); // a half logical pixel is a device pixel
        assertThat(ScreenMapping.preferredSize(Scaling.NATIVE, 1024, 768, 2.0).width).isEqualTo(512);
        assertThat(ScreenMapping.preferredSize(Scaling.LOGICAL, 1024, 768, 2.0).width).isEqualTo(1024);
    }

    @Test
    void pictureSmallerThanTheComponentIsCentred() {
        ScreenMapping m = ScreenMapping.of(Scaling.NATIVE, 100, 50, 1.0, 300, 150);
        assertThat(m.offsetX()).isEqualTo(100);
        assertThat(m.offsetY()).isEqualTo(50);
        assertThat(m.remoteX(100)).isZero();
        assertThat(m.remoteX(150)).isEqualTo(50);
        assertThat(m.remoteX(10)).isZero(); // clamped
        assertThat(m.remoteX(1000)).isEqualTo(99);
        assertThat(m.onPicture(10, 60)).isFalse();
        assertThat(m.onPicture(120, 60)).isTrue();
    }

    @Test
    void fitKeepsTheAspectRatio() {
        // 1024x768 in 512x600: width limits, scale 0.5, picture 512x384 centred vertically
        ScreenMapping m = ScreenMapping.of(Scaling.FIT, 1024, 768, 1.0, 512, 600);
        assertThat(m.scale()).isEqualTo(0.5);
        assertThat(m.offsetX()).isZero();
        assertThat(m.offsetY()).isEqualTo(108);
        assertThat(m.remoteX(256)).isEqualTo(512);
        assertThat(m.remoteY(108 + 192)).isEqualTo(384);
        // and enlarging: 640x480 in 1280x1000 gives scale 2
        ScreenMapping up = ScreenMapping.of(Scaling.FIT, 640, 480, 1.0, 1280, 1000);
        assertThat(up.scale()).isEqualTo(2.0);
        assertThat(up.remoteX(1279)).isEqualTo(639);
        assertThat(up.remoteY(up.offsetY() + 3)).isEqualTo(1);
    }

    @Test
    void damageMapsToAComponentRectangleCoveringIt() {
        ScreenMapping m = ScreenMapping.of(Scaling.FIT, 1000, 1000, 1.0, 333, 333);
        Rectangle r = m.toComponent(10, 10, 3, 3);
        assertThat(r.x).isLessThanOrEqualTo((int) Math.floor(10 * m.scale()));
        assertThat(r.x + r.width).isGreaterThanOrEqualTo((int) Math.ceil(13 * m.scale()));
        Rectangle back = m.toRemote(r);
        assertThat(back.contains(new Rectangle(10, 10, 3, 3))).isTrue();
        assertThat(m.toRemote(new Rectangle(0, 0, 333, 333))).isEqualTo(new Rectangle(0, 0, 1000, 1000));
    }

    @Test
    void theImageSharesTheFramebufferArray() {
        Framebuffer fb = new Framebuffer(4, 3);
        BufferedImage img = FramebufferImage.wrap(fb.pixels(), 4, 3);
        fb.fillRect(1, 1, 2, 1, 0xFF123456);
        assertThat(img.getRGB(1, 1)).isEqualTo(0xFF123456);
        assertThat(img.getRGB(0, 0)).isEqualTo(0xFF000000);
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        fb.pixels()[11] = 0x00abcdef; // alpha bits are ignored
        assertThat(img.getRGB(3, 2)).isEqualTo(0xFFabcdef);
    }

    @Test
    void clipboardSendsLatin1AndRefusesTheRest() {
        Clipboard cb = new Clipboard("test");
        List<String> sent = new ArrayList<>();
        List<String> status = new ArrayList<>();
        ClipboardBridge bridge = new ClipboardBridge(cb, sent::add, status::add);
        cb.setContents(new StringSelection("café\r\nnaïve"), null);
        bridge.checkLocal();
        assertThat(sent).containsExactly("café\nnaïve");
        bridge.checkLocal(); // unchanged: not sent again
        assertThat(sent).hasSize(1);
        cb.setContents(new StringSelection("日本 text"), null);
        bridge.checkLocal();
        assertThat(sent).hasSize(1);
        assertThat(status).singleElement().asString().contains("Latin-1");
        bridge.setEnabled(false);
        cb.setContents(new StringSelection("view only"), null);
        bridge.checkLocal();
        assertThat(sent).hasSize(1);
    }

    @Test
    void serverTextLandsOnTheClipboardAndIsNotEchoed() throws Exception {
        Clipboard cb = new Clipboard("test");
        List<String> sent = new ArrayList<>();
        ClipboardBridge bridge = new ClipboardBridge(cb, sent::add, s -> { });
        bridge.applyServerText("from server");
        assertThat(cb.getData(DataFlavor.stringFlavor)).isEqualTo("from server");
        bridge.checkLocal();
        assertThat(sent).isEmpty();
    }
}
