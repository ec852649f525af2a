package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.testing.ClipboardCheck;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The extended clipboard with a real Xvnc, both ways: UTF-8 exactly, and a mebibyte from the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipboardXvncTest {
    private XvncServer xvnc;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().depth(24).geometry(320, 240).start();
    }

    @AfterAll
    void stop() {
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void unicodeTextBothWaysAndAMebibyteFromTheServer() throws Exception {
        ClipboardCheck.bothWays(xvnc, ServerAddress.parse(xvnc.address()));
    }
}
