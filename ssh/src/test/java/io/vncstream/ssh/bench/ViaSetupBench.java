package io.vncstream.ssh.bench;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.ssh.SshConnection;
import io.vncstream.ssh.SshOptions;
import io.vncstream.ssh.testing.TestSshd;

import java.util.Arrays;
import java.util.Locale;

/**
 * Connection set-up time through an SSH tunnel against a plain TCP connection, in one run, to
 * the same Xvnc: from nothing to a completed RFB handshake (ServerInit). "via" is what
 * {@code --via} does on every connect (a new SSH connection: TCP, key exchange, public-key login,
 * channel); "channel" reuses one logged-in connection and opens only a direct-tcpip channel.
 * Rounds alternate between the three so that the machine's load hits all alike.
 *
 * <pre>scripts/bench ssh io.vncstream.ssh.bench.ViaSetupBench [ROUNDS]</pre>
 */
public final class ViaSetupBench {
    private ViaSetupBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(3, rounds / 5);
        try (XvncServer xvnc = XvncServer.builder().geometry(640, 480).start();
             TestSshd sshd = TestSshd.start()) {
            sshd.trustHostKey();
            SshOptions options = sshd.clientOptions();
            ClientConfig config = new ClientConfig();
            ServerAddress plainAddress = ServerAddress.tcp("127.0.0.1", xvnc.port());
            try (SshConnection shared = SshConnection.open(sshd.target(), options)) {
                long[] plain = new long[rounds];
                long[] via = new long[rounds];
                long[] channel = new long[rounds];
                for (int i = -warmup; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    try (RfbClient c = RfbClient.connect(plainAddress, config, new RfbClientHandler() { })) {
                        c.serverInit();
                    }
                    long t1 = System.nanoTime();
                    try (RfbClient c = RfbClient.connect(SshConnection.tunnelTcp(sshd.target(), options, "localhost",
                            xvnc.port()), "via", config, new RfbClientHandler() { })) {
                        c.serverInit();
                    }
                    long t2 = System.nanoTime();
                    try (RfbClient c = RfbClient.connect(shared.openTcp("localhost", xvnc.port()), "channel", config,
                            new RfbClientHandler() { })) {
                        c.serverInit();
                    }
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        plain[i] = t1 - t0;
                        via[i] = t2 - t1;
                        channel[i] = t3 - t2;
                    }
                }
                double p = median(plain);
                double v = median(via);
                double ch = median(channel);
                System.out.printf(Locale.ROOT, "connection set-up to ServerInit, median of %d rounds (after %d warm-up):%n",
                        rounds, warmup);
                System.out.printf(Locale.ROOT, "  plain TCP                 %8.2f ms  1.00x%n", p);
                System.out.printf(Locale.ROOT, "  --via (new SSH login)     %8.2f ms  %5.2fx plain%n", v, v / p);
                System.out.printf(Locale.ROOT, "  channel on an open login  %8.2f ms  %5.2fx plain%n", ch, ch / p);
            }
        }
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mid = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        return mid / 1e6;
    }
}
