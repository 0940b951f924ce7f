package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in by one-time code as an app does it, reading the code from the log SMS sender's {@code sms.log}. */
final class PhoneSignIn {

    private static final Pattern LINE = Pattern.compile("^\\S+ (\\S+) (\\d{6}) is your Gatehouse sign-in code");

    private PhoneSignIn() {
    }

    static JsonNode sendCode(Api api, String phone) {
        return api.client().post().uri("/api/v1/auth/otp/send").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The last code sent to the (E.164) phone, from {@code <data-dir>/sms.log}. */
    static String lastCode(String e164) {
        Path log = IntegrationTest.DATA_DIR.resolve("sms.log");
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                for (int i = lines.size() - 1; i >= 0; i--) {
                    Matcher m = LINE.matcher(lines.get(i));
                    if (m.find() && m.group(1).equals(e164)) {
                        return m.group(2);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Instant.now()).as("a code for " + e164 + " in sms.log").isBefore(until);
            Thread.onSpinWait();
        }
    }

    static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(Api api, String phone,
                                                                                         String code, String name) {
        var body = new HashMap<String, Object>(Map.of("phone", phone, "code", code));
        if (name != null) {
            body.put("name", name);
        }
        return api.client().post().uri("/api/v1/auth/otp/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** Sends a code, reads it, signs in; answers the tokens' user (expects 200). */
    static Api.User signIn(Api api, String phone, String name) {
        String e164 = sendCode(api, phone).get("phone").asText();
        JsonNode body = verify(api, phone, lastCode(e164), name).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode user = body.get("user");
        return new Api.User(body.get("accessToken").asText(), body.get("refreshToken").asText(),
                UUID.fromString(user.get("id").asText()), phone, user.get("role").asText(),
                uuidOrNull(user.get("societyId")), uuidOrNull(user.get("flatId")));
    }

    private static UUID uuidOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }
}
