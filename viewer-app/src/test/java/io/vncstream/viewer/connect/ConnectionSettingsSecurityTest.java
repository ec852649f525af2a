package io.vncstream.viewer.connect;

import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.SecurityTypes;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection window's security types, user name and CA file survive a restart, and a damaged value does no harm. */
class ConnectionSettingsSecurityTest {
    @Test
    void securityTypesAndUserAreStoredAndGiveTheClientItsOrder() {
        ConnectionSettings s = new ConnectionSettings();
        s.securityTypes = "x509vnc,TLSVnc";
        s.user = "alice";
        s.x509Ca = "/etc/vnc/ca.pem";
        Properties p = new Properties();
        s.store(p);
        ConnectionSettings loaded = ConnectionSettings.load(p);
        assertThat(loaded.securityTypes).isEqualTo("X509Vnc,TLSVnc");
        assertThat(loaded.user).isEqualTo("alice");
        assertThat(loaded.copy().x509Ca).isEqualTo("/etc/vnc/ca.pem");
        var security = loaded.toClientConfig().security();
        assertThat(security.types().order()).containsExactly(SecurityType.X509_VNC, SecurityType.TLS_VNC);
        assertThat(security.user()).isEqualTo("alice");
    }

    @Test
    void emptyOrDamagedTypesMeanTheDefaultOrder() {
        Properties p = new Properties();
        p.setProperty("securityTypes", "X509Vnc,Kerberos");
        ConnectionSettings loaded = ConnectionSettings.load(p);
        assertThat(loaded.securityTypes).isEmpty();
        assertThat(loaded.toClientConfig().security().types()).isEqualTo(SecurityTypes.DEFAULT);
        assertThat(ConnectionSettings.load(new Properties()).copy().securityTypes).isEmpty();
    }
}
