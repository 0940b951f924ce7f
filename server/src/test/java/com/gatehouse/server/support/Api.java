package com.gatehouse.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API as a client app uses it: log in, then call with the bearer token. {@link #newSociety()}
 * builds a fresh society (admin, guard, residents of two flats) so every test has its own world.
 */
public final class Api {

    public static final String ADMIN_PHONE = "9100000000";
    public static final String ADMIN_PASSWORD = "platform-admin-pw";
    public static final String PASSWORD = "password-123";

    private static final AtomicLong PHONES = new AtomicLong(9_200_000_000L + (System.nanoTime() % 100_000) * 1000);

    private final WebTestClient client;
    private final String address;
    private final int port;

    Api(int port) {
        this.port = port;
        // each Api is a device of its own: the test server trusts loopback as a proxy, so this is the
        // client address it sees (login throttling is per address)
        this.address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        this.client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("X-Forwarded-For", address)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    public WebTestClient client() {
        return client;
    }

    /** The same server seen from another device (another client address). */
    public Api otherDevice() {
        return new Api(port);
    }

    /** The client address the server sees for this Api's requests. */
    public String address() {
        return address;
    }

    /** A phone number no other test uses. */
    public static String uniquePhone() {
        return Long.toString(PHONES.incrementAndGet());
    }

    /** A logged-in user: their token and who they are. */
    public record User(String token, String refreshToken, UUID id, String phone, String role, UUID societyId,
                       UUID flatId) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public User login(String phone, String password) {
        JsonNode body = client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "password", password))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        JsonNode user = body.get("user");
        return new User(body.get("accessToken").asText(), body.get("refreshToken").asText(),
                UUID.fromString(user.get("id").asText()), phone, user.get("role").asText(), uuid(user.get("societyId")),
                uuid(user.get("flatId")));
    }

    public User platformAdmin() {
        return login(ADMIN_PHONE, ADMIN_PASSWORD);
    }

    public WebTestClient.RequestHeadersSpec<?> get(User user, String uri, Object... vars) {
        return client.get().uri("/api/v1" + uri, vars).header(HttpHeaders.AUTHORIZATION, user.bearer());
    }

    public WebTestClient.RequestHeadersSpec<?> post(User user, String uri, Object body, Object... vars) {
        return client.post().uri("/api/v1" + uri, vars).header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> patch(User user, String uri, Object body, Object... vars) {
        return client.patch().uri("/api/v1" + uri, vars).header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public WebTestClient.RequestHeadersSpec<?> delete(User user, String uri, Object... vars) {
        return client.delete().uri("/api/v1" + uri, vars).header(HttpHeaders.AUTHORIZATION, user.bearer());
    }

    /** Posts and expects 201, answering the created resource. */
    public JsonNode create(User user, String uri, Object body, Object... vars) {
        return post(user, uri, body, vars).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Gets and expects 200. */
    public JsonNode read(User user, String uri, Object... vars) {
        return get(user, uri, vars).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /**
     * A fresh society: flats A-101 and B-201, an admin, a guard, two residents of A-101 and one of
     * B-201, an auditor, all logged in.
     */
    public Society newSociety() {
        return newSociety(null);
    }

    /** The same, in a time zone (an IANA id; null for the default). */
    public Society newSociety(String timeZone) {
        User platform = platformAdmin();
        var body = new java.util.HashMap<String, Object>(Map.of("name", "Society " + UUID.randomUUID(), "city", "Pune"));
        if (timeZone != null) {
            body.put("timeZone", timeZone);
        }
        UUID society = UUID.fromString(create(platform, "/admin/societies", body).get("id").asText());
        UUID flatA = UUID.fromString(create(platform, "/admin/societies/{id}/flats",
                Map.of("block", "A", "number", "101"), society).get("id").asText());
        UUID flatB = UUID.fromString(create(platform, "/admin/societies/{id}/flats",
                Map.of("block", "B", "number", "201"), society).get("id").asText());
        User admin = newUser(platform, society, "ADMIN", null);
        return new Society(society, flatA, flatB, admin, newUser(admin, society, "GUARD", null),
                newUser(admin, society, "RESIDENT", flatA), newUser(admin, society, "RESIDENT", flatA),
                newUser(admin, society, "RESIDENT", flatB), newUser(admin, society, "AUDITOR", null));
    }

    /** Registers a user through the admin API and logs them in. */
    public User newUser(User by, UUID society, String role, UUID flat) {
        String phone = uniquePhone();
        var body = new java.util.HashMap<String, Object>(Map.of("name", role.toLowerCase() + " " + phone,
                "phone", phone, "password", PASSWORD, "role", role));
        if (flat != null) {
            body.put("flatId", flat.toString());
        }
        create(by, "/admin/societies/{id}/users", body, society);
        return login(phone, PASSWORD);
    }

    public record Society(UUID id, UUID flatA, UUID flatB, User admin, User guard, User residentA1,
                          User residentA2, User residentB, User auditor) {
    }

    // ---- uploads (pre-signed S3 URLs) ----

    private static final java.net.http.HttpClient STORE = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** Asks for an upload URL: {@code {uploadUrl, s3Key, expiresAt, headers}} (expects 200). */
    public JsonNode presign(User user, String purpose, String fileName, String mimeType, long fileSize) {
        return post(user, "/upload/presigned-url", Map.of("purpose", purpose, "fileName", fileName,
                "mimeType", mimeType, "fileSize", fileSize)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** PUTs bytes straight to the object store, as a client does with a pre-signed URL; answers the status. */
    public static int putToStore(String uploadUrl, String contentType, byte[] bytes) {
        return putOnOwnConnection(java.net.URI.create(uploadUrl), contentType, bytes).statusCode();
    }

    /**
     * PUTs bytes to the object store on a connection of its own (no Content-Type header when {@code contentType}
     * is null) and answers the response. The store closes a connection after refusing a PUT whose body it did not
     * read; the JDK client retries only GET and HEAD on a pooled connection found closed, so a PUT sent on one
     * fails with "header parser received no bytes". A client of its own per PUT keeps every PUT off such a
     * connection, whatever ran before it.
     */
    public static java.net.http.HttpResponse<String> putOnOwnConnection(java.net.URI url, String contentType,
                                                                         byte[] bytes) {
        var request = java.net.http.HttpRequest.newBuilder(url)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("PUT to the object store failed", e);
        }
    }

    /** GETs from the object store with a pre-signed URL. */
    public static java.net.http.HttpResponse<byte[]> getFromStore(String url) {
        try {
            return STORE.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("GET from the object store failed", e);
        }
    }

    /** The whole upload: URL, PUT, confirm; answers the document (expects 201). */
    public JsonNode upload(User user, String purpose, String fileName, String mimeType, byte[] bytes) {
        JsonNode presigned = presign(user, purpose, fileName, mimeType, bytes.length);
        assertThat(putToStore(presigned.get("uploadUrl").asText(), mimeType, bytes)).isEqualTo(200);
        return create(user, "/upload/confirm", Map.of("s3Key", presigned.get("s3Key").asText()));
    }

    /**
     * The user's notifications over REST, newest first (the first 100): the body
     * {@code {notifications: [...], pagination: {total, page, limit, totalPages}}}. Works for every role.
     */
    public JsonNode notifications(User user) {
        return read(user, "/resident/notifications?limit=100");
    }

    /** The user's notifications of one type (newest first, within the first 100). */
    public java.util.List<JsonNode> notifications(User user, String type) {
        var matching = new java.util.ArrayList<JsonNode>();
        notifications(user).get("notifications").forEach(n -> {
            if (type.equals(n.get("type").asText())) {
                matching.add(n);
            }
        });
        return matching;
    }

    /** How many of the user's notifications are unread. */
    public long unreadNotifications(User user) {
        return read(user, "/resident/notifications/unread-count").get("unreadCount").asLong();
    }

    private static UUID uuid(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }
}
