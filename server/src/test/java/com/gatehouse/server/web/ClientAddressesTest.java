package com.gatehouse.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static MockServerHttpRequest from(String remote, String... forwardedFor) {
        var request = MockServerHttpRequest.post("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        for (String hop : forwardedFor) {
            request.header("X-Forwarded-For", hop);
        }
        return request.build();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        var addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        var addresses = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.1"));
        // the client claims to be 1.2.3.4; the edge proxy (10.1.1.1) appended what it saw
        assertThat(addresses.of(from("10.2.2.2", "1.2.3.4, 198.51.100.9, 10.1.1.1"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("127.0.0.1", "198.51.100.9"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("127.0.0.1"))).isEqualTo("127.0.0.1");
        // a proxy that is not trusted cannot name anyone
        assertThat(addresses.of(from("192.0.2.1", "198.51.100.9"))).isEqualTo("192.0.2.1");
    }

    @Test
    void aMalformedSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example")))
                .hasMessageContaining("gatehouse.trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .hasMessageContaining("gatehouse.trusted-proxies");
    }
}
