package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.AuthenticationException;
import io.vncstream.rfb.server.ServerSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 11, defect 10: password guessing is slowed per address, and the gateway warns about a password VNC cannot use whole or others can read. */
class AuthThrottleTest {
    @TempDir
    Path dir;

    private static void connect(int port, String password) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(),
                    new ClientConfig().password(server -> password.toCharArray()), "gateway").run();
        }
    }

    @Test
    @Timeout(60)
    void guessesFromOneAddressAreFewAndThenRefused() throws Exception {
        Gateway g = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(),
                ServerSecurity.vncAuth("secret".toCharArray()), Gateway.DEFAULT_MAX_BEHIND);
        AtomicInteger guesses = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            long end = System.nanoTime() + 5_000_000_000L;
            List<Thread> attackers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            connect(g.port(), "guess");
                        } catch (AuthenticationException e) {
                            guesses.incrementAndGet();
                        } catch (Exception e) {
                            refused.incrementAndGet();
                        }
                    }
                });
                t.start();
                attackers.add(t);
            }
            for (Thread t : attackers) {
                t.join();
            }
            System.out.printf("password guessing, 8 threads for 5 s: %d guesses checked, %d refused%n", guesses.get(), refused.get());
            assertThat(guesses.get()).isLessThan(30);
            assertThatThrownBy(() -> connect(g.port(), "secret")).isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining("too many authentication failures from 127.0.0.1");
        } finally {
            g.close();
        }
    }

    @Test
    @Timeout(60)
    void startUpWarnsOfALongPasswordAndOfAFileOthersCanRead() throws Exception {
        Path loose = dir.resolve("loose.txt");
        Files.writeString(loose, "longpassword123\n");
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        try (GatewayProcess g = GatewayProcess.start(dir, List.of("-Xmx64m"), "--demo", "--password-file", loose.toString())) {
            Thread.sleep(500);
            assertThat(g.logText()).contains("the password has 15 characters, but VNC authentication uses only the first 8")
                    .contains(loose + " can be read by other users: chmod 600");
        }
        Path tight = dir.resolve("tight.txt");
        Files.writeString(tight, "short12\n");
        Files.setPosixFilePermissions(tight, PosixFilePermissions.fromString("rw-------"));
        try (GatewayProcess g = GatewayProcess.start(dir, List.of("-Xmx64m"), "--demo", "--password-file", tight.toString())) {
            Thread.sleep(500);
            assertThat(g.logText()).doesNotContain("VNC authentication uses only").doesNotContain("can be read by other users");
        }
    }
}
