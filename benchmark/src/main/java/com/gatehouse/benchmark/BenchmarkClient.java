package com.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsocket.metadata.WellKnownMimeType;
import org.HdrHistogram.Histogram;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.util.MimeTypeUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What the latency scenarios do as an app would, against one {@link BenchmarkServer}: REST calls with a bearer token
 * (set up users, log in, act), RSocket connections over WebSocket or TCP, and the rows of their latency tables.
 */
final class BenchmarkClient {

    static final String PASSWORD = "benchmark-pw-1";

    private static final RSocketStrategies STRATEGIES = RSocketStrategies.builder()
            .encoders(e -> {
                e.add(new Jackson2JsonEncoder());
                e.add(new BearerTokenAuthenticationEncoder());
            })
            .decoders(d -> d.add(new Jackson2JsonDecoder()))
            .build();

    private final BenchmarkServer server;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    BenchmarkClient(BenchmarkServer server) {
        this.server = server;
        this.base = "http://localhost:" + server.httpPort() + "/api/v1";
    }

    /** The login answer ({@code accessToken}, {@code user}, ...). */
    JsonNode login(String phone, String password) throws Exception {
        return post(null, "/auth/login", Map.of("phone", phone, "password", password));
    }

    /** A bearer token of the user. */
    String token(String phone, String password) throws Exception {
        return login(phone, password).get("accessToken").asText();
    }

    /** Registers a member of the society ({@code flat} may be null), with {@link #PASSWORD}; answers the phone. */
    String register(String by, UUID society, String role, UUID flat, String phone) throws Exception {
        var body = new HashMap<String, Object>(Map.of("name", role + " " + phone, "phone", phone,
                "password", PASSWORD, "role", role));
        if (flat != null) {
            body.put("flatId", flat.toString());
        }
        post(by, "/admin/societies/" + society + "/users", body);
        return phone;
    }

    /** Registers a member and answers their bearer token. */
    String user(String by, UUID society, String role, UUID flat, String phone) throws Exception {
        return token(register(by, society, role, flat, phone), PASSWORD);
    }

    JsonNode post(String token, String path, Object body) throws Exception {
        return send("POST", token, path, body);
    }

    /** The answer's JSON; fails on any status of 300 or more. */
    JsonNode send(String method, String token, String path, Object body) throws Exception {
        HttpResponse<byte[]> response = http.send(request(method, token, path, body),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return json.readTree(response.body());
    }

    CompletableFuture<HttpResponse<byte[]>> sendAsync(String method, String token, String path, Object body)
            throws Exception {
        return http.sendAsync(request(method, token, path, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(byte[] body) throws Exception {
        return json.readTree(body);
    }

    private HttpRequest request(String method, String token, String path, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** An app's RSocket connection, {@code "TCP"} or WebSocket, authenticated with the token at setup. */
    RSocketRequester connect(String transport, String token) {
        var builder = RSocketRequester.builder().rsocketStrategies(STRATEGIES)
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .setupMetadata(new BearerTokenMetadata(token),
                        MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()));
        return transport.equals("TCP")
                ? builder.tcp("localhost", server.rsocketTcpPort())
                : builder.websocket(URI.create("ws://localhost:" + server.httpPort() + "/rsocket"));
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asText());
    }

    /** A table row: the cells, then count, p50, p90, p99 and max in milliseconds of a histogram in nanoseconds. */
    static void row(Histogram nanos, Object... cells) {
        var row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        System.out.println(row + String.format(" %d | %.1f | %.1f | %.1f | %.1f |", nanos.getTotalCount(),
                nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(90) / 1e6,
                nanos.getValueAtPercentile(99) / 1e6, nanos.getMaxValue() / 1e6));
    }
}
