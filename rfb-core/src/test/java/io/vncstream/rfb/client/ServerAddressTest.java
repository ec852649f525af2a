package io.vncstream.rfb.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address forms TigerVNC's vncviewer accepts, plus vnc:// URIs, and one clear line for the rest. */
class ServerAddressTest {
    @ParameterizedTest(name = "{0} -> {1} port {2}")
    @CsvSource(delimiter = ';', value = {
            "example.org; example.org; 5900",
            "192.168.1.20; 192.168.1.20; 5900",
            "example.org:0; example.org; 5900",
            "example.org:1; example.org; 5901",
            "example.org:99; example.org; 5999",
            // From 100 on, N is a port: vncviewer host:5901 reaches port 5901, not 11801.
            "example.org:100; example.org; 100",
            "example.org:5901; example.org; 5901",
            "example.org:65535; example.org; 65535",
            "example.org::5; example.org; 5",
            "example.org::5901; example.org; 5901",
            ":1; localhost; 5901",
            "::5999; localhost; 5999",
            "vnc://example.org:5901; example.org; 5901",
            "vnc://example.org:1; example.org; 1",
            "vnc://example.org; example.org; 5900",
            "vnc://example.org/; example.org; 5900",
            "VNC://example.org:5902; example.org; 5902",
            "vnc://[::1]:5901; ::1; 5901",
            "vnc://[::1]; ::1; 5900",
            "[::1]; ::1; 5900",
            "[::1]:1; ::1; 5901",
            "[::1]::5999; ::1; 5999",
            "[fe80::1%eth0]:2; fe80::1%eth0; 5902",
            "[2001:db8::7]:5905; 2001:db8::7; 5905",
            "'  example.org:3  '; example.org; 5903",
    })
    void parses(String text, String host, int port) {
        ServerAddress address = ServerAddress.parse(text);
        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port()).isEqualTo(port);
        assertThat(address.isUnix()).isFalse();
    }

    @Test
    void unixSockets() {
        ServerAddress address = ServerAddress.parse("unix:/run/vnc/socket");
        assertThat(address.isUnix()).isTrue();
        assertThat(address.unixPath()).isEqualTo("/run/vnc/socket");
        assertThat(address).hasToString("unix:/run/vnc/socket");
    }

    @Test
    void printsInTheUnambiguousPortForm() {
        assertThat(ServerAddress.parse("example.org:1")).hasToString("example.org::5901");
        assertThat(ServerAddress.parse("[::1]:1")).hasToString("[::1]::5901");
        assertThat(ServerAddress.parse(ServerAddress.parse("[::1]:1").toString()))
                .isEqualTo(ServerAddress.parse("[::1]:1"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "\"\"; empty server address",
            "\"   \"; empty server address",
            "example.org:abc; invalid display or port 'abc' in server address: example.org:abc (expected 0 to 65535)",
            "example.org:; invalid display or port '' in server address: example.org: (expected 0 to 65535)",
            "example.org:-1; invalid display or port '-1' in server address: example.org:-1 (expected 0 to 65535)",
            "example.org:65536; invalid display or port '65536' in server address: example.org:65536 (expected 0 to 65535)",
            "example.org::0; invalid port '0' in server address: example.org::0 (expected 1 to 65535)",
            "example.org::70000; invalid port '70000' in server address: example.org::70000 (expected 1 to 65535)",
            "example.org:::1; invalid port ':1' in server address: example.org:::1 (expected 1 to 65535)",
            "2001:db8:1; an IPv6 address needs brackets, e.g. [2001:db8:1]: 2001:db8:1",
            "[::1; unclosed '[' in server address: [::1",
            "[::1]5901; unexpected '5901' in server address: [::1]5901",
            "[]:1; invalid IPv6 address '' in server address: []:1",
            "[example.org]:1; invalid IPv6 address 'example.org' in server address: [example.org]:1",
            "my host:1; invalid host name 'my host' in server address: my host:1",
            "h@st; invalid host name 'h@st' in server address: h@st",
            "-example.org; invalid host name '-example.org' in server address: -example.org",
            "unix:; no socket path in server address: unix:",
            "vnc://; not a valid vnc:// address (vnc://host or vnc://host:port): vnc://",
            "vnc://example.org:abc; not a valid vnc:// address (vnc://host or vnc://host:port): vnc://example.org:abc",
            "vnc://::1; not a valid vnc:// address (vnc://host or vnc://host:port): vnc://::1",
            "vnc://example.org/desktop; a vnc:// address is only vnc://host or vnc://host:port: vnc://example.org/desktop",
            "vnc://me@example.org; a vnc:// address is only vnc://host or vnc://host:port: vnc://me@example.org",
    })
    void garbageIsOneClearLine(String text, String message) {
        assertThatThrownBy(() -> ServerAddress.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .hasNoCause();
    }
}
