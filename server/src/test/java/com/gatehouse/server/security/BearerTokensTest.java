package com.gatehouse.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer token is read from the Authorization header exactly as Spring Security's converter reads it. */
class BearerTokensTest {

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        var request = MockServerHttpRequest.get("/api/v1/auth/me");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication found = converter.convert(MockServerWebExchange.from(request)).block(Duration.ofSeconds(1));
            return found == null ? "none" : "token " + ((BearerTokenAuthenticationToken) found).getToken();
        } catch (RuntimeException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    @Test
    void readsTheHeaderAsSpringSecurityDoes() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_~+/";
        String[] headers = {null, "", "Basic dXNlcjpwYXNz", "Bearer " + jwt, "bearer " + jwt, "BEARER " + jwt,
                "Bearer " + jwt + "==", "Bearer =", "Bearer ", "Bearer", "Bearer  " + jwt, "Bearer " + jwt + " ",
                "Bearer " + jwt + "=x", "Bearer a,b", "Bearer a\tb", "Bearertoken", "Bearer\t" + jwt, "Bearer é",
                "Bearer a=b=", "Bearer ab=="};
        var spring = new ServerBearerTokenAuthenticationConverter();
        var ours = new BearerTokens();
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("%s", header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, "Bearer " + jwt)).isEqualTo("token " + jwt);
    }
}
