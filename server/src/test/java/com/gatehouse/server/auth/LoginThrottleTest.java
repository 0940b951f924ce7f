package com.gatehouse.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling keys on phone and client address, and keeps its count in PostgreSQL. Each {@link Api}
 * is a device with its own address (X-Forwarded-For, which the test server trusts from loopback).
 */
class LoginThrottleTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginSettings settings;

    private static WebTestClient.ResponseSpec login(Api from, String phone, String password) {
        return from.client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", password)).exchange();
    }

    @Test
    void aStrangerGuessingPasswordsNeverLocksTheOwnerOut() {
        var society = api().newSociety();
        String ravi = society.residentA1().phone();
        Api stranger = api().otherDevice();
        for (int i = 0; i < 5; i++) {
            login(stranger, ravi, "guess-" + i).expectStatus().isUnauthorized();
        }
        // the stranger is slowed down, even with the right password...
        JsonNode refused = login(stranger, ravi, Api.PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L + 1))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("status").asInt()).isEqualTo(429);
        // ...while Ravi, on his own phone, logs in as always
        login(api().otherDevice(), ravi, Api.PASSWORD).expectStatus().isOk();
        login(api(), ravi, Api.PASSWORD).expectStatus().isOk();
    }

    @Test
    void oneAddressTryingManyPhonesIsRateLimited() {
        var society = api().newSociety();
        Api sprayer = api().otherDevice();
        for (int i = 0; i < settings.maxFailuresPerAddress(); i++) {
            login(sprayer, Api.uniquePhone(), "password-123").expectStatus().isUnauthorized();
        }
        JsonNode refused = login(sprayer, society.guard().phone(), Api.PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("detail").asText()).contains("from your address");
        // every other address is served
        login(api().otherDevice(), society.guard().phone(), Api.PASSWORD).expectStatus().isOk();
    }

    @Test
    void failuresCountedByAnotherInstanceCountHereAndOldOnesExpire() {
        var society = api().newSociety();
        String phone = com.gatehouse.api.common.Phones.stored(society.residentB().phone()); // as logins count it
        Api device = api().otherDevice();
        // another instance saw five failures from this device a moment ago: they are in the shared table
        for (int i = 0; i < 5; i++) {
            jdbc.update("insert into auth_login_failure (phone, address, failed_at) values (?, ?, ?)",
                    phone, device.address(), Timestamp.from(Instant.now().minusSeconds(10)));
        }
        login(device, phone, Api.PASSWORD).expectStatus().isEqualTo(429);

        // failures older than the window (15 minutes) no longer count
        jdbc.update("update auth_login_failure set failed_at = ? where phone = ? and address = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(16))), phone, device.address());
        login(device, phone, Api.PASSWORD).expectStatus().isOk();
        // and a success forgets this phone's failures from this address
        assertThat(jdbc.queryForObject("select count(*) from auth_login_failure where phone = ? and address = ?",
                Long.class, phone, device.address())).isZero();
    }

    @Test
    void failedLoginsAreKeptPerPhoneAndAddressInPostgres() {
        var society = api().newSociety();
        String phone = society.auditor().phone();
        Api device = api().otherDevice();
        login(device, phone, "wrong").expectStatus().isUnauthorized();
        login(device, phone, "wrong again").expectStatus().isUnauthorized();
        // counted under the number's one stored form (+91...), whatever form the app typed
        assertThat(jdbc.queryForObject("select count(*) from auth_login_failure where phone = ? and address = ?",
                Long.class, com.gatehouse.api.common.Phones.stored(phone), device.address())).isEqualTo(2);
    }
}
