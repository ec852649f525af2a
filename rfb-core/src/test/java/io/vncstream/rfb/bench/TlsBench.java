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
    /** Times each update is sent per round, at least; small updates more, so that a round lasts about ROUND_SECONDS. */
    private static final int REPEATS = 12;
    private static final double ROUND_SECONDS = 0.6;

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

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
        System.out.println("decode throughput, plain TCP vs TLS over loopback, " + rounds + " rounds (medians):");
        System.out.printf("  %-20s %12s %12s %9s %9s  %s%n", "workload", "plain MB/s", "TLS MB/s", "TLS/plain",
                "(CPU)", "TLS");
        System.out.println("  (MB/s of wire bytes over wall-clock time; TLS/plain is the median of the rounds' paired"
                + " ratios; (CPU) the same per second of the viewer thread's CPU time, which other load disturbs less)");
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (String name : WORKLOADS) {
            Workload w = all.stream().filter(x -> (x.name().equals(name.substring(name.indexOf('.') + 1))
                    || x.name().equals(name))).findFirst().orElse(null);
            if (w == null) {
                w = Workload.load(DecodeBench.workloadDir().resolve(name + ".update"));
            }
            // warm-up, both ways; the plain one also tells how many updates make a round of ROUND_SECONDS
            run(w, null, null, REPEATS);
            run(w, serverTls, trust, REPEATS);
            Round warm = run(w, null, null, REPEATS);
            double perUpdate = w.update().length / 1e6 / warm.mbPerSecond();
            int repeats = (int) Math.min(400, Math.max(REPEATS, Math.ceil(ROUND_SECONDS / perUpdate)));
            String suite = run(w, serverTls, trust, repeats).suite();
            List<Double> plain = new ArrayList<>();
            List<Double> tls = new ArrayList<>();
            List<Double> paired = new ArrayList<>();
            List<Double> pairedCpu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // Pairs in alternating order, so that a change of load on the machine hits both sides.
                Round a;
                Round b;
                if (r % 2 == 0) {
                    a = run(w, null, null, repeats);
                    b = run(w, serverTls, trust, repeats);
                } else {
                    b = run(w, serverTls, trust, repeats);
                    a = run(w, null, null, repeats);
                }
                plain.add(a.mbPerSecond());
                tls.add(b.mbPerSecond());
                paired.add(b.mbPerSecond() / a.mbPerSecond());
                pairedCpu.add(b.mbPerCpuSecond() / a.mbPerCpuSecond());
            }
            double p = median(plain);
            double t = median(tls);
            double ratio = median(paired);
            double cpuRatio = median(pairedCpu);
            ratios.add(ratio);
            cpuRatios.add(cpuRatio);
            System.out.printf("  %-20s %12.1f %12.1f %8.2fx %8.2fx  %s, %d updates a round%n", name, p, t, ratio,
                    cpuRatio, suite, repeats);
        }
        System.out.printf("  geometric mean TLS/plain: %.2fx wall-clock, %.2fx CPU%n", geometricMean(ratios),
                geometricMean(cpuRatios));
    }

    /** Wire MB per second of wall-clock time, and per second of the client thread's CPU time. */
    record Round(double mbPerSecond, double mbPerCpuSecond, String suite) {
    }

    /** Sends the update {@code repeats} times from a server thread and decodes them as they arrive. */
    private static Round run(Workload w, SSLContext serverTls, TlsOptions trust, int repeats) throws Exception {
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
                        for (int i = 0; i < repeats; i++) {
                            all.write(w.update());
                        }
                        wire = all.toByteArray();
                        out.write(0); // as the TLS server does, one byte before the clock starts
                        out.flush();
                    } else {
                        // Handshake live, then encrypt the session before the client's clock starts:
                        // a server is another machine, its encryption is not the viewer's cost.
                        SSLEngine engine = serverTls.createSSLEngine();
                        engine.setUseClientMode(false);
                        Redirect to = new Redirect(out);
                        TlsStreams tls = TlsStreams.handshake(raw.getInputStream(), to, engine, "bench client");
                        // One byte live, so that the client has handled what follows the handshake
                        // (TLS 1.3's session ticket) before its clock starts: once a connection.
                        tls.output().write(0);
                        to.target = new ByteArrayOutputStream();
                        for (int i = 0; i < repeats; i++) {
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
                if (in.read() != 0) {
                    throw new IllegalStateException("the server's first byte is not 0");
                }
                prepared.await(); // the server has its bytes ready
                System.gc(); // and its garbage is not collected on our clock
                ready.countDown();
                start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                RfbInput rfb = RfbInput.of(in);
                Framebuffer fb = new Framebuffer(w.width(), w.height());
                UpdateReplay replay = new UpdateReplay();
                for (int i = 0; i < repeats; i++) {
                    replay.decode(rfb, fb);
                }
                long nanos = System.nanoTime() - start;
                long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
                socket.shutdownOutput();
                sender.get();
                double mb = (double) w.update().length * repeats / 1e6;
                return new Round(mb / (nanos / 1e9), mb / (cpu / 1e9), suite);
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
