package io.rapport.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetGuardTest {
    static final Map<String, String> DNS = Map.of(
            "hooks.example.com",
            "93.184.216.34",
            "rebind.example.com",
            "10.0.0.7",
            "internal.example.com",
            "192.168.1.20",
            "v6.example.com",
            "2606:2800:220:1:248:1893:25c8:1946");

    static TargetGuard guard(List<String> allow) {
        return new TargetGuard(allow, host -> {
            String ip = DNS.get(host);
            if (ip == null) {
                return InetAddress.getAllByName(host); // literals only
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
        });
    }

    @Test
    void publicHttpsTargetsPassAndConnectToTheCheckedAddress() throws Exception {
        TargetGuard.Target t = guard(List.of()).check("https://hooks.example.com/rapport?x=1");
        assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(t.port()).isEqualTo(443);
        assertThat(guard(List.of()).check("https://v6.example.com:8443/").port())
                .isEqualTo(8443);
    }

    @Test
    void loopbackPrivateLinkLocalUniqueLocalAndMappedAddressesAreRefused() {
        for (String url : List.of(
                "https://127.0.0.1/",
                "https://127.0.0.2/",
                "https://10.1.2.3/",
                "https://172.16.0.1/",
                "https://192.168.0.10/",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/",
                "https://[fe80::1]/",
                "https://[fd00::1]/",
                "https://[::ffff:10.0.0.1]/",
                "https://0.0.0.0/",
                "https://100.64.0.1/",
                "https://224.0.0.1/",
                "https://rebind.example.com/",
                "https://internal.example.com/")) {
            assertThatThrownBy(() -> guard(List.of()).check(url))
                    .as(url)
                    .isInstanceOf(TargetGuard.Refused.class)
                    .message()
                    .doesNotContain(url.replace("https://", "").split("/")[0]);
        }
    }

    @Test
    void plainHttpUserInfoAndOddSchemesAreRefused() {
        for (String url : List.of(
                "http://hooks.example.com/",
                "https://user:pw@hooks.example.com/",
                "ftp://hooks.example.com/",
                "hooks.example.com/x",
                "https://hooks.example.com/#f",
                "")) {
            assertThatThrownBy(() -> guard(List.of()).check(url)).as(url).isInstanceOf(TargetGuard.Refused.class);
        }
    }

    @Test
    void theAdminAllowListExemptsHostsAddressesAndRanges() throws Exception {
        assertThat(guard(List.of("127.0.0.1"))
                        .check("http://127.0.0.1:8080/hook")
                        .ssl())
                .isFalse();
        assertThatThrownBy(() -> guard(List.of("127.0.0.1")).check("http://127.0.0.2:8080/hook"))
                .isInstanceOf(TargetGuard.Refused.class);
        assertThat(guard(List.of("10.0.0.0/8"))
                        .check("https://rebind.example.com/")
                        .address()
                        .getHostAddress())
                .isEqualTo("10.0.0.7");
        assertThat(guard(List.of("internal.example.com"))
                        .check("https://internal.example.com/")
                        .host())
                .isEqualTo("internal.example.com");
    }
}
