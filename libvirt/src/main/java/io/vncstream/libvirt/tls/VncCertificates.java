package io.vncstream.libvirt.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The certificates a viewer uses for a libvirt host whose qemu.conf has {@code vnc_tls = 1}, found
 * where virt-viewer finds them: gtk-vnc searches {@code /etc/pki} and then {@code ~/.pki} for the
 * CA in {@code CA/cacert.pem} and, under virt-viewer's client name {@code libvirt}, the client
 * certificate in {@code libvirt/clientcert.pem} with its key in {@code libvirt/private/clientkey.pem}
 * (which {@code vnc_tls_x509_verify = 1} makes the host require). The first file that exists
 * wins, each one looked up on its own, as gtk-vnc does. Paths only: reading them is the caller's.
 */
public record VncCertificates(Path ca, Path clientCert, Path clientKey, List<Path> caPlaces, List<Path> certPlaces,
                              List<Path> keyPlaces) {
    /** virt-viewer's answer to gtk-vnc's client-name credential, the directory of its client certificate. */
    static final String CLIENT_NAME = "libvirt";

    /** The system's and the user's PKI directories, in gtk-vnc's order. */
    public static List<Path> defaultDirs() {
        return List.of(Path.of("/etc/pki"), Path.of(System.getProperty("user.home"), ".pki"));
    }

    public static VncCertificates find() {
        return find(defaultDirs());
    }

    /** Looks in {@code dirs}, in order. */
    public static VncCertificates find(List<Path> dirs) {
        List<Path> ca = places(dirs, "CA/cacert.pem");
        List<Path> cert = places(dirs, CLIENT_NAME + "/clientcert.pem");
        List<Path> key = places(dirs, CLIENT_NAME + "/private/clientkey.pem");
        return new VncCertificates(first(ca), first(cert), first(key), ca, cert, key);
    }

    private static List<Path> places(List<Path> dirs, String file) {
        List<Path> list = new ArrayList<>();
        for (Path d : dirs) {
            list.add(d.resolve(file));
        }
        return List.copyOf(list);
    }

    private static Path first(List<Path> places) {
        for (Path p : places) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Both halves of a client certificate were found. */
    public boolean hasClientCertificate() {
        return clientCert != null && clientKey != null;
    }

    /** "no libvirt CA certificate in /etc/pki/CA/cacert.pem or /root/.pki/CA/cacert.pem", for a refused server. */
    public String caNotFound() {
        return "no libvirt CA certificate in " + or(caPlaces);
    }

    /** Why there is no client certificate, naming where it was looked for. */
    public String clientNotFound() {
        if (clientCert == null && clientKey == null) {
            return "no libvirt client certificate in " + or(certPlaces);
        }
        if (clientCert == null) {
            return "the key " + clientKey + " has no certificate beside it in " + or(certPlaces);
        }
        return "the certificate " + clientCert + " has no key in " + or(keyPlaces);
    }

    private static String or(List<Path> places) {
        if (places.size() == 1) {
            return places.get(0).toString();
        }
        String head = places.subList(0, places.size() - 1).stream().map(Path::toString).collect(Collectors.joining(", "));
        return head + " or " + places.get(places.size() - 1);
    }
}
