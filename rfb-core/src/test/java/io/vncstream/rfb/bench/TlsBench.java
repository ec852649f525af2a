package io.vncstream.rfb.bench;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.UserWait;
import io.vncstream.rfb.security.tls.CertificateCheck;
import io.vncstream.rfb.security.tls.TlsEngines;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.security.tls.TlsStreams;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.XvncServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What TLS costs a viewer (issue 12, section 5), measured as ratios against plain TCP in the same
 * run, never as absolute limits:
 * <ol>
 * <li>decode throughput: the same recorded session (Xvnc's first updates, {@link XvncRecording},
 *     each repeated) sent through a loopback socket pair, plain and inside TLS 1.3 (a JDK SSLEngine
 *     as the server, our client-side {@link TlsStreams}), read and decoded by the client's decoders
 *     as it arrives. Both servers have their bytes ready before the clock starts, the TLS one
 *     encrypted after a live handshake: what is timed is the viewer's work (receiving, decrypting,
 *     decoding). Rounds alternate, medians compared (goal: TLS at least 0.9x plain);</li>
 * <li>connection set-up: a full RFB handshake to ServerInit with a real Xvnc, security None
 *     against X509None (TLS with a CA-checked certificate), alternating, medians compared.</li>
 * </ol>
 * {@code scripts/bench rfb-core io.vncstream.rfb.bench.TlsBench [ROUNDS]}
 */
public final class TlsBench {
    private static final List<String> WORKLOADS = System.getProperty("tlsbench.only") != null
            ? List.of(System.getProperty("tlsbench.only").split(","))
            : List.of("mixed.xvnc-zrle", "mixed.xvnc-tight", "mixed.xvnc-raw", "text.xvnc-zrle", "text.xvnc-tight",
            "text.xvnc-hextile");
    /** Times each update is sent per round: enough wire bytes that one round takes a fair fraction of a second. */
    private static final int REPEATS = 12;

    private TlsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        TlsEngines.allowAnonymousSuites();
        Path dir = Files.createTempDirectory("tls-bench");
        try {
            TestCertificates ca = TestCertificates.create(dir, "bench CA");
            TestCertificates.Pair server = ca.server("server", "DNS:localhost,IP:127.0.0.1");
            decodeThroughput(rounds, ca, server);
            if (!Boolean.getBoolean("tlsbench.noSetUp")) {
                setUpTime(Math.max(rounds * 3, 15), ca, server);
            }
        } finally {
            Processes.deleteTree(dir);
        }
    }

    // ---- 1. decode throughput ----

    private static void decodeThroughput(int rounds, TestCertificates ca, TestCertificates.Pair cert) throws Exception {
        List<Workload> all = XvncRecording.loadOrRecord(DecodeBench.workloadDir());
        SSLContext serverTls = serverContext(cert);
        TlsOptions trust = new TlsOptions().systemCas(false).caFile(ca.caCert());
        System.out.println("decode throughput, plain TCP vs TLS over loopback, " + REPEATS + " updates per round, "
                + rounds + " rounds (medians):");
        System.out.printf("  %-20s %12s %12s %8s %8s%n", "workload", "plain MB/s", "TLS MB/s", "TLS/plain", "TLS");
        System.out.println("  (MB/s of wire bytes; TLS/plain is the median of the rounds' paired ratios)");
        List<Double> ratios = new ArrayList<>();
        for (String name : WORKLOADS) {
            Workload w = all.stream().filter(x -> (x.name().equals(name.substring(name.indexOf('.') + 1))
                    || x.name().equals(name))).findFirst().orElse(null);
            if (w == null) {
                w = Workload.load(DecodeBench.workloadDir().resolve(name + ".update"));
            }
            // warm-up, both ways
            run(w, null, null);
            String suite = run(w, serverTls, trust).suite();
            List<Double> plain = new ArrayList<>();
            List<Double> tls = new ArrayList<>();
            List<Double> paired = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // Pairs in alternating order, so that a change of load on the machine hits both sides.
                double a;
                double b;
                if (r % 2 == 0) {
                    a = run(w, null, null).mbPerSecond();
                    b = run(w, serverTls, trust).mbPerSecond();
                } else {
                    b = run(w, serverTls, trust).mbPerSecond();
                    a = run(w, null, null).mbPerSecond();
                }
                plain.add(a);
                tls.add(b);
                paired.add(b / a);
            }
            double p = median(plain);
            double t = median(tls);
            double ratio = median(paired);
            ratios.add(ratio);
            System.out.printf("  %-20s %12.1f %12.1f %8.2fx %s%n", name, p, t, ratio, suite);
        }
        System.out.printf("  geometric mean TLS/plain: %.2fx%n", geometricMean(ratios));
    }

    record Round(double mbPerSecond, String suite) {
    }

    /** Sends the update REPEATS times from a server thread and decodes them as they arrive. */
    private static Round run(Workload w, SSLContext serverTls, TlsOptions trust) throws Exception {
        java.util.concurrent.CountDownLatch prepared = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (Socket raw = listener.accept()) {
                    raw.setTcpNoDelay(true);
                    OutputStream out = raw.getOutputStream();
                    byte[] wire;
                    if (serverTls == null) {
                        ByteArrayOutputStream all = new ByteArrayOutputStream();
                        for (int i = 0; i < REPEATS; i++) {
                            all.write(w.update());
                        }
                        wire = all.toByteArray();
                    } else {
                        // Handshake live, then encrypt the session before the client's clock starts:
                        // a server is another machine, its encryption is not the viewer's cost.
                        SSLEngine engine = serverTls.createSSLEngine();
                        engine.setUseClientMode(false);
                        Redirect to = new Redirect(out);
                        TlsStreams tls = TlsStreams.handshake(raw.getInputStream(), to, engine, "bench client");
                        to.target = new ByteArrayOutputStream();
                        for (int i = 0; i < REPEATS; i++) {
                            tls.output().write(w.update());
                        }
                        wire = ((ByteArrayOutputStream) to.target).toByteArray();
                    }
                    prepared.countDown();
                    ready.await();
                    out.write(wire);
                    out.flush();
                    raw.getInputStream().read(); // until the client has read everything and closes
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                String suite = "-";
                long start;
                if (trust != null) {
                    CertificateCheck check = new CertificateCheck(trust, "bench", "127.0.0.1", UserWait.NONE,
                            Clock.systemUTC());
                    TlsStreams tls = TlsStreams.handshake(in, socket.getOutputStream(),
                            TlsEngines.x509("127.0.0.1", listener.getLocalPort(), check), "bench");
                    in = tls.input();
                    suite = tls.engine().getSession().getProtocol() + " " + tls.engine().getSession().getCipherSuite();
                }
                prepared.await(); // the server has its bytes ready
                System.gc(); // and its garbage is not collected on our clock
                ready.countDown();
                start = System.nanoTime();
                RfbInput rfb = RfbInput.of(in);
                Framebuffer fb = new Framebuffer(w.width(), w.height());
                UpdateReplay replay = new UpdateReplay();
                for (int i = 0; i < REPEATS; i++) {
                    replay.decode(rfb, fb);
                }
                long nanos = System.nanoTime() - start;
                socket.shutdownOutput();
                sender.get();
                return new Round((double) w.update().length * REPEATS / 1e6 / (nanos / 1e9), suite);
            }
        }
    }

    /** An output stream whose target changes: the socket for the handshake, memory for the session. */
    private static final class Redirect extends OutputStream {
        volatile OutputStream target;

        Redirect(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }
    }

    /** The JDK's TLS server with the test CA's certificate and key (PKCS#8 PEM, as openssl 3 writes it). */
    static SSLContext serverContext(TestCertificates.Pair pair) throws Exception {
        String pem = Files.readString(pair.key());
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Certificate cert;
        try (InputStream in = Files.newInputStream(pair.cert())) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    // ---- 2. connection set-up ----

    private static void setUpTime(int connections, TestCertificates ca, TestCertificates.Pair cert) throws Exception {
        try (XvncServer xvnc = XvncServer.builder().geometry(640, 480).securityTypes("None,X509None", cert).start()) {
            ClientConfig plain = new ClientConfig().securityTypes(SecurityTypes.parse("None")).streams(false);
            ClientConfig tls = new ClientConfig().securityTypes(SecurityTypes.parse("X509None")).streams(false)
                    .tls(new TlsOptions().caFile(ca.caCert()));
            ServerAddress address = ServerAddress.parse(xvnc.address());
            connect(address, plain);
            connect(address, tls);
            List<Double> p = new ArrayList<>();
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                p.add(connect(address, plain));
                t.add(connect(address, tls));
            }
            double mp = median(p);
            double mt = median(t);
            System.out.printf("connection set-up to ServerInit with Xvnc, %d each (medians): None %.1f ms,"
                    + " X509None %.1f ms, TLS/plain %.2fx%n", connections, mp, mt, mt / mp);
        }
    }

    private static double connect(ServerAddress address, ClientConfig config) throws Exception {
        long start = System.nanoTime();
        try (RfbClient client = RfbClient.connect(address, config, new RfbClientHandler() { })) {
            long nanos = System.nanoTime() - start;
            client.serverInit();
            return nanos / 1e6;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double geometricMean(List<Double> values) {
        return Math.exp(values.stream().mapToDouble(Math::log).average().orElse(0));
    }

}
