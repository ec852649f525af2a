package io.vncstream.libvirt.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** gtk-vnc's search: the system directory before the user's, each file on its own. */
class VncCertificatesTest {
    @TempDir
    Path dir;

    Path system() {
        return dir.resolve("etc/pki");
    }

    Path user() {
        return dir.resolve("home/.pki");
    }

    VncCertificates find() {
        return VncCertificates.find(List.of(system(), user()));
    }

    static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void nothingFoundSaysWhereItLooked() {
        VncCertificates c = find();
        assertThat(c.ca()).isNull();
        assertThat(c.hasClientCertificate()).isFalse();
        assertThat(c.caNotFound()).isEqualTo("no libvirt CA certificate in " + system().resolve("CA/cacert.pem")
                + " or " + user().resolve("CA/cacert.pem"));
        assertThat(c.clientNotFound()).isEqualTo("no libvirt client certificate in "
                + system().resolve("libvirt/clientcert.pem") + " or " + user().resolve("libvirt/clientcert.pem"));
    }

    @Test
    void theSystemDirectoryComesFirst() throws IOException {
        touch(system().resolve("CA/cacert.pem"));
        touch(user().resolve("CA/cacert.pem"));
        assertThat(find().ca()).isEqualTo(system().resolve("CA/cacert.pem"));
    }

    @Test
    void theUsersDirectoryServesWhatTheSystemLacks() throws IOException {
        touch(user().resolve("CA/cacert.pem"));
        touch(user().resolve("libvirt/clientcert.pem"));
        touch(user().resolve("libvirt/private/clientkey.pem"));
        VncCertificates c = find();
        assertThat(c.ca()).isEqualTo(user().resolve("CA/cacert.pem"));
        assertThat(c.clientCert()).isEqualTo(user().resolve("libvirt/clientcert.pem"));
        assertThat(c.clientKey()).isEqualTo(user().resolve("libvirt/private/clientkey.pem"));
        assertThat(c.hasClientCertificate()).isTrue();
    }

    @Test
    void aCertificateWithoutItsKeySaysSo() throws IOException {
        touch(system().resolve("libvirt/clientcert.pem"));
        VncCertificates c = find();
        assertThat(c.hasClientCertificate()).isFalse();
        assertThat(c.clientNotFound()).isEqualTo("the certificate " + system().resolve("libvirt/clientcert.pem")
                + " has no key in " + system().resolve("libvirt/private/clientkey.pem") + " or "
                + user().resolve("libvirt/private/clientkey.pem"));
    }

    @Test
    void aDirectoryIsNoCertificate() throws IOException {
        Files.createDirectories(system().resolve("CA/cacert.pem"));
        assertThat(find().ca()).isNull();
    }

    @Test
    void theDefaultsAreGtkVncs() {
        assertThat(VncCertificates.defaultDirs()).containsExactly(Path.of("/etc/pki"),
                Path.of(System.getProperty("user.home"), ".pki"));
    }
}
