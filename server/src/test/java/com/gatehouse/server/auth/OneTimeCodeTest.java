package com.gatehouse.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time code's limits: codes per phone and per address, guesses per code, and the phone's forms. */
class OneTimeCodeTest extends IntegrationTest {

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec send(Api from, String phone) {
        return from.client().post().uri("/api/v1/auth/otp/send").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange();
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(Api from, String phone,
                                                                                                  String code) {
        return from.client().post().uri("/api/v1/auth/otp/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", code)).exchange();
    }

    private static String lastCode(String e164) throws Exception {
        var lines = Files.readAllLines(DATA_DIR.resolve("sms.log"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).split(" ");
            if (parts[1].equals(e164)) {
                return parts[2];
            }
        }
        throw new AssertionError("no code for " + e164);
    }

    @Test
    void threeCodesPerPhoneAnHourThenRetryAfter() {
        String phone = Api.uniquePhone();
        for (int i = 0; i < 3; i++) {
            // each from another device: the per-phone limit holds whatever the address
            send(api().otherDevice(), i == 1 ? "+91 " + phone : phone).expectStatus().isAccepted();
        }
        send(api().otherDevice(), phone).expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 3601L));
    }

    @Test
    void tenCodesPerAddressAnHour() {
        Api device = api().otherDevice();
        for (int i = 0; i < 10; i++) {
            send(device, Api.uniquePhone()).expectStatus().isAccepted();
        }
        send(device, Api.uniquePhone()).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        send(api().otherDevice(), Api.uniquePhone()).expectStatus().isAccepted();
    }

    @Test
    void fiveWrongGuessesRetireTheCodeAndACodeWorksOnce() throws Exception {
        String phone = Api.uniquePhone();
        send(api(), phone).expectStatus().isAccepted();
        String code = lastCode("+91" + phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            verify(api(), phone, wrong).expectStatus().isBadRequest();
        }
        verify(api(), phone, code).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("ask for a new one"));

        send(api(), phone).expectStatus().isAccepted();
        String fresh = lastCode("+91" + phone);
        JsonNode signedIn = verify(api(), "0" + phone, fresh).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(signedIn.get("requiresOnboarding").asBoolean()).isTrue();
        assertThat(signedIn.get("user").get("phone").asText()).isEqualTo("+91" + phone);
        verify(api(), phone, fresh).expectStatus().isBadRequest();
    }

    @Test
    void anAccountMadeWithATenDigitNumberLogsInWithAnyFormOfIt() throws Exception {
        var s = api().newSociety();
        String phone = s.guard().phone(); // registered as 10 digits
        for (String form : new String[]{phone, "+91" + phone, "0" + phone, "+91 " + phone.substring(0, 5) + " " + phone.substring(5)}) {
            assertThat(api().login(form, Api.PASSWORD).id()).isEqualTo(s.guard().id());
        }
        // and by one-time code, as the same account
        send(api(), phone).expectStatus().isAccepted();
        JsonNode signedIn = verify(api(), "+91" + phone, lastCode("+91" + phone)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(signedIn.get("user").get("id").asText()).isEqualTo(s.guard().id().toString());
        assertThat(signedIn.get("requiresOnboarding").asBoolean()).isFalse();
    }
}
