package com.gatehouse.server.embedded;

import static com.gatehouse.server.support.Api.putOnOwnConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

class EmbeddedObjectStoreTest {

    static final String ACCESS_KEY = "gatehouse-test";
    static final String SECRET_KEY = "gatehouse-test-secret-0123456789";
    static final String BUCKET = "uploads";

    @TempDir
    static Path tempDir;

    static EmbeddedObjectStore store;
    static S3Client s3;
    static S3Presigner presigner;
    /** Pooled: only GETs go on it (the JDK client retries a GET sent on a pooled connection found closed). */
    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startStore() {
        // "/./" in the configured path would make every request 400 if not normalized
        Path dir = tempDir.resolve(".").resolve("objects");
        assertThat(dir.toString()).contains("/./");
        long t0 = System.nanoTime();
        store = new EmbeddedObjectStore(dir, "127.0.0.1", 0, ACCESS_KEY, SECRET_KEY).start();
        System.out.printf("[timing] first start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(store.port()).isPositive();
        assertThat(store.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + store.port()));
        assertThat(store.baseDir().toString()).doesNotContain("/./");
        assertThat(store.xattrsSupported()).isTrue();
        s3 = client(store.endpoint(), SECRET_KEY);
        presigner = presigner(store.endpoint());
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopStore() {
        s3.close();
        presigner.close();
        long t0 = System.nanoTime();
        store.close();
        System.out.printf("[timing] close (client keep-alive connections open): %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(store.isRunning()).isFalse();
    }

    static S3Client client(URI endpoint, String secret) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    static S3Presigner presigner(URI endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    static PresignedPutObjectRequest presignPut(String key, String contentType, long length, Duration ttl) {
        return presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(PutObjectRequest.builder()
                        .bucket(BUCKET).key(key).contentType(contentType).contentLength(length).build()));
    }

    /** Every PUT on a connection of its own: a refused PUT leaves its connection closed (see Api#putOnOwnConnection). */
    static HttpResponse<String> put(PresignedPutObjectRequest presigned, String contentType, byte[] body)
            throws Exception {
        return putOnOwnConnection(presigned.url().toURI(), contentType, body);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void presignedPutWithSignedTypeAndLengthThenGetReturnsSameBytes() throws Exception {
        byte[] data = randomBytes(70_000, 1);
        PresignedPutObjectRequest presigned = presignPut("a/photo.png", "image/png", data.length,
                Duration.ofMinutes(5));
        String signedHeaders = presigned.url().getQuery();
        assertThat(signedHeaders).contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");

        HttpResponse<String> resp = put(presigned, "image/png", data);
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);

        byte[] got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("a/photo.png")).asByteArray();
        assertThat(got).isEqualTo(data);

        // presigned GET via plain HTTP too
        URI getUrl = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(g -> g.bucket(BUCKET).key("a/photo.png"))).url().toURI();
        HttpResponse<byte[]> viaHttp = http.send(HttpRequest.newBuilder(getUrl).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viaHttp.statusCode()).isEqualTo(200);
        assertThat(viaHttp.body()).isEqualTo(data);
        assertThat(viaHttp.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void presignedPutWithOtherContentTypeIsRefused() throws Exception {
        byte[] data = randomBytes(1000, 2);
        PresignedPutObjectRequest presigned = presignPut("b/doc.pdf", "application/pdf", data.length,
                Duration.ofMinutes(5));
        HttpResponse<String> resp = put(presigned, "text/html", data);
        assertThat(resp.statusCode()).as(resp.body()).isIn(400, 403);
        assertNotStored("b/doc.pdf");
    }

    @Test
    void presignedPutWithOtherLengthIsRefused() throws Exception {
        PresignedPutObjectRequest presigned = presignPut("c/doc.pdf", "application/pdf", 1000,
                Duration.ofMinutes(5));
        HttpResponse<String> longer = put(presigned, "application/pdf", randomBytes(1001, 3));
        assertThat(longer.statusCode()).as(longer.body()).isIn(400, 403);
        HttpResponse<String> shorter = put(presigned, "application/pdf", randomBytes(999, 3));
        assertThat(shorter.statusCode()).as(shorter.body()).isIn(400, 403);
        assertNotStored("c/doc.pdf");
    }

    @Test
    void expiredPresignedPutIsRefused() throws Exception {
        byte[] data = randomBytes(100, 4);
        PresignedPutObjectRequest presigned = presignPut("d/late.bin", "application/octet-stream",
                data.length, Duration.ofSeconds(1));
        Thread.sleep(2_000);
        HttpResponse<String> resp = put(presigned, "application/octet-stream", data);
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(403);
        assertNotStored("d/late.bin");
    }

    @Test
    void anonymousAndWronglySignedRequestsAreRefused() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("e/secret.txt").contentType("text/plain"),
                RequestBody.fromString("top secret"));

        URI plain = URI.create(store.endpoint() + "/" + BUCKET + "/e/secret.txt");
        HttpResponse<String> anonymousGet = http.send(HttpRequest.newBuilder(plain).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousGet.statusCode()).isEqualTo(403);
        assertThat(anonymousGet.body()).doesNotContain("top secret");

        HttpResponse<String> anonymousPut = putOnOwnConnection(plain, null,
                "overwritten".getBytes(StandardCharsets.UTF_8));
        assertThat(anonymousPut.statusCode()).isEqualTo(403);

        HttpResponse<String> anonymousList = http.send(HttpRequest.newBuilder(
                URI.create(store.endpoint() + "/" + BUCKET)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousList.statusCode()).isEqualTo(403);

        try (S3Client wrongSecret = client(store.endpoint(), "not-the-secret")) {
            assertThatThrownBy(() -> wrongSecret.getObjectAsBytes(b -> b.bucket(BUCKET).key("e/secret.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("e/secret.txt")).asUtf8String())
                .isEqualTo("top secret");
    }

    @Test
    void headGivesSizeAndContentType() throws Exception {
        byte[] data = "hello, gatehouse".getBytes(StandardCharsets.UTF_8);
        PresignedPutObjectRequest presigned = presignPut("f/hello.txt", "text/plain; charset=utf-8",
                data.length, Duration.ofMinutes(5));
        assertThat(put(presigned, "text/plain; charset=utf-8", data).statusCode()).isEqualTo(200);

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("f/hello.txt"));
        assertThat(head.contentLength()).isEqualTo(data.length);
        // S3Proxy (Jetty) drops the blank after ';' when storing the type; real S3 keeps it verbatim
        assertThat(head.contentType().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(head.eTag()).isNotBlank();

        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("f/missing.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void dataSurvivesCloseAndRestartOnSameDir(@TempDir Path dir) throws Exception {
        byte[] data = randomBytes(12_345, 5);
        URI firstEndpoint;
        try (EmbeddedObjectStore first = new EmbeddedObjectStore(dir, "127.0.0.1", 0, ACCESS_KEY, SECRET_KEY)
                .start();
                S3Client c = client(first.endpoint(), SECRET_KEY)) {
            firstEndpoint = first.endpoint();
            c.createBucket(b -> b.bucket("durable"));
            c.putObject(b -> b.bucket("durable").key("x/y.bin").contentType("application/x-test"),
                    RequestBody.fromBytes(data));
            long t0 = System.nanoTime();
            first.close();
            System.out.printf("[timing] close after SDK traffic: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(firstEndpoint).GET().build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(java.io.IOException.class);
        }

        long t0 = System.nanoTime();
        try (EmbeddedObjectStore second = new EmbeddedObjectStore(dir, "127.0.0.1", 0, ACCESS_KEY, SECRET_KEY)
                .start();
                S3Client c = client(second.endpoint(), SECRET_KEY)) {
            System.out.printf("[timing] restart: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(c.listBuckets().buckets()).extracting(b -> b.name()).contains("durable");
            HeadObjectResponse head = c.headObject(b -> b.bucket("durable").key("x/y.bin"));
            assertThat(head.contentLength()).isEqualTo(data.length);
            assertThat(head.contentType()).isEqualTo("application/x-test");
            assertThat(c.getObjectAsBytes(b -> b.bucket("durable").key("x/y.bin")).asByteArray()).isEqualTo(data);
        }
        assertThat(Files.isDirectory(dir.resolve("durable"))).isTrue();
    }

    @Test
    void fixedPortIsHonoured(@TempDir Path dir) throws Exception {
        int free;
        try (var socket = new java.net.ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        try (EmbeddedObjectStore fixed = new EmbeddedObjectStore(dir, "127.0.0.1", free, ACCESS_KEY, SECRET_KEY)
                .start()) {
            assertThat(fixed.port()).isEqualTo(free);
            // a second store on the same port fails loudly
            EmbeddedObjectStore clash = new EmbeddedObjectStore(dir, "127.0.0.1", free, ACCESS_KEY, SECRET_KEY);
            assertThatThrownBy(clash::start).isInstanceOf(IllegalStateException.class);
            assertThat(clash.isRunning()).isFalse();
        }
    }

    private static void assertNotStored(String key) {
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(key)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
