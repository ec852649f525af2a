package io.vncstream.gateway.bench;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Connection set-up through the gateway's listener, VeNCrypt X509Vnc against plain VncAuth, in
 * the same process against the same demo desktop: from connect to ServerInit received, median
 * and 90th percentile of {@code N} connections of each kind, interleaved, after a warm-up.
 * Run: {@code scripts/bench gateway io.vncstream.gateway.bench.TlsListenerBench 200}.
 */
public final class TlsListenerBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("tls-bench");
        try {
            TestCertificates ca = TestCertificates.create(dir, "bench CA");
            TestCertificates.Pair cert = ca.server("gateway", "DNS:localhost,IP:127.0.0.1");
            char[] password = "secret".toCharArray();
            ServerSecurity plainSecurity = ServerSecurity.vncAuth(password);
            ServerSecurity tlsSecurity = plainSecurity.withTls(ca.serverTls(cert), false);
            try (Gateway plain = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(), plainSecurity,
                         Gateway.DEFAULT_MAX_BEHIND);
                 Gateway tls = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(), tlsSecurity,
                         Gateway.DEFAULT_MAX_BEHIND)) {
                ClientConfig plainConfig = new ClientConfig().password(s -> password.clone())
                        .securityTypes(SecurityTypes.parse("VncAuth"));
                ClientConfig tlsConfig = new ClientConfig().password(s -> password.clone())
                        .securityTypes(SecurityTypes.parse("X509Vnc"))
                        .tls(new TlsOptions().systemCas(false).caFile(ca.caCert()));
                for (int i = 0; i < 30; i++) {
                    setUp(plain.port(), plainConfig);
                    setUp(tls.port(), tlsConfig);
                }
                long[] plainNanos = new long[n];
                long[] tlsNanos = new long[n];
                for (int i = 0; i < n; i++) {
                    plainNanos[i] = setUp(plain.port(), plainConfig);
                    tlsNanos[i] = setUp(tls.port(), tlsConfig);
                }
                Arrays.sort(plainNanos);
                Arrays.sort(tlsNanos);
                System.out.printf("connection set-up to ServerInit, %d each, interleaved:%n", n);
                System.out.printf("  plain VncAuth  median %.2f ms  p90 %.2f ms%n", ms(plainNanos, 0.5), ms(plainNanos, 0.9));
                System.out.printf("  X509Vnc (TLS)  median %.2f ms  p90 %.2f ms%n", ms(tlsNanos, 0.5), ms(tlsNanos, 0.9));
                System.out.printf("  ratio TLS/plain: median %.2fx  p90 %.2fx%n", ms(tlsNanos, 0.5) / ms(plainNanos, 0.5),
                        ms(tlsNanos, 0.9) / ms(plainNanos, 0.9));
            }
        } finally {
            Processes.deleteTree(dir);
        }
    }

    private static long setUp(int port, ClientConfig config) throws Exception {
        long start = System.nanoTime();
        try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", port), config, new RfbClientHandler() { })) {
            long took = System.nanoTime() - start;
            client.serverInit();
            return took;
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
