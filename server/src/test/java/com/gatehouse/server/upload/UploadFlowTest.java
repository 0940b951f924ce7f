package com.gatehouse.server.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.command.upload.ObjectStore;
import com.gatehouse.command.upload.OrphanUploads;
import com.gatehouse.server.storage.ObjectStoreConfig.ObjectStoreEndpoint;
import com.gatehouse.server.storage.OrphanSweepTask;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.gatehouse.server.support.Api.getFromStore;
import static com.gatehouse.server.support.Api.putToStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Uploading through pre-signed URLs against the real embedded S3Proxy: the store itself enforces the signature. */
class UploadFlowTest extends IntegrationTest {

    @Autowired
    S3Client s3;
    @Autowired
    ObjectStoreEndpoint endpoint;
    @Autowired
    ObjectStore objectStore;
    @Autowired
    OrphanUploads orphans;
    @Autowired
    JdbcTemplate jdbc;

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private JsonNode presign(Api.User user, String purpose, String fileName, String type, long size) {
        return api().presign(user, purpose, fileName, type, size);
    }

    private boolean stored(String key) {
        try {
            s3.headObject(h -> h.bucket(endpoint.bucket()).key(key));
            return true;
        } catch (S3Exception e) {
            assertThat(e.statusCode()).isEqualTo(404);
            return false;
        }
    }

    private void awaitGone(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (stored(key) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stored(key)).as("object %s removed from the store", key).isFalse();
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void guardUploadsAVisitorPhotoAndDownloadsTheSameBytes() {
        var guard = sharedSociety().guard();
        byte[] photo = bytes(200_000);
        Instant before = Instant.now();
        JsonNode presigned = presign(guard, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", photo.length);

        String key = presigned.get("s3Key").asText();
        assertThat(key).matches("societies/" + sharedSociety().id() + "/ENTRY_PHOTO/[0-9a-f-]{36}-visitor\\.jpg");
        assertThat(presigned.get("headers").get("Content-Type").asText()).isEqualTo("image/jpeg");
        assertThat(presigned.get("headers").get("Content-Length").asText()).isEqualTo(Integer.toString(photo.length));
        String uploadUrl = presigned.get("uploadUrl").asText();
        assertThat(query(uploadUrl, "X-Amz-Expires")).isEqualTo("300");
        assertThat(query(uploadUrl, "X-Amz-SignedHeaders")).isEqualTo("content-length%3Bcontent-type%3Bhost");
        assertThat(Instant.parse(presigned.get("expiresAt").asText()))
                .isCloseTo(before.plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(10)));
        assertThat(stored(key)).isFalse();

        assertThat(putToStore(uploadUrl, "image/jpeg", photo)).isEqualTo(200);
        JsonNode document = api().create(guard, "/upload/confirm", Map.of("s3Key", key));
        assertThat(document.get("id").asText()).isNotBlank();
        assertThat(key).contains(document.get("id").asText());
        assertThat(document.get("s3Key").asText()).isEqualTo(key);
        assertThat(document.get("fileName").asText()).isEqualTo("visitor.jpg");
        assertThat(document.get("fileSize").asLong()).isEqualTo(photo.length);
        assertThat(document.get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(document.get("purpose").asText()).isEqualTo("ENTRY_PHOTO");
        assertThat(document.get("uploadedBy").asText()).isEqualTo(guard.id().toString());
        assertThat(Instant.parse(document.get("createdAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));

        JsonNode again = api().create(guard, "/upload/confirm", Map.of("s3Key", key));
        assertThat(again).isEqualTo(document);

        JsonNode view = api().read(guard, "/upload/{id}/view-url", document.get("id").asText());
        assertThat(query(view.get("url").asText(), "X-Amz-Expires")).isEqualTo("3600");
        assertThat(Instant.parse(view.get("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofSeconds(10)));
        var download = getFromStore(view.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void theStoreRefusesAPutOfAnotherTypeOrAnotherLength() {
        var resident = sharedSociety().residentA1();
        byte[] document = bytes(4096);
        JsonNode presigned = presign(resident, "ONBOARDING_DOCUMENT", "aadhaar.pdf", "application/pdf", document.length);
        String url = presigned.get("uploadUrl").asText();
        String key = presigned.get("s3Key").asText();

        assertThat(putToStore(url, "text/html", document)).isEqualTo(403);
        assertThat(putToStore(url, "image/png", document)).isEqualTo(403);
        assertThat(putToStore(url, "application/pdf", bytes(4097))).isIn(400, 403);
        assertThat(putToStore(url, "application/pdf", bytes(4095))).isIn(400, 403);
        assertThat(stored(key)).isFalse();

        api().post(resident, "/upload/confirm", Map.of("s3Key", key)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(putToStore(url, "application/pdf", document)).isEqualTo(200);
        api().create(resident, "/upload/confirm", Map.of("s3Key", key));
    }

    @Test
    void anExpiredUploadOrViewUrlIsRefused() throws InterruptedException {
        var guard = sharedSociety().guard();
        byte[] photo = bytes(1234);
        JsonNode presigned = presign(guard, "ENTRY_PHOTO", "late.png", "image/png", photo.length);
        String key = presigned.get("s3Key").asText();

        // the same signing path as the API, with a one-second lifetime instead of the configured five minutes
        var shortLived = objectStore.presignUpload(key, "image/png", photo.length, Duration.ofSeconds(1));
        assertThat(query(shortLived.url(), "X-Amz-Expires")).isEqualTo("1");
        Thread.sleep(2_100);
        assertThat(putToStore(shortLived.url(), "image/png", photo)).isEqualTo(403);
        assertThat(stored(key)).isFalse();

        assertThat(putToStore(presigned.get("uploadUrl").asText(), "image/png", photo)).isEqualTo(200);
        api().create(guard, "/upload/confirm", Map.of("s3Key", key));
        var shortView = objectStore.presignDownload(key, Duration.ofSeconds(1));
        assertThat(getFromStore(shortView.url()).statusCode()).isEqualTo(200);
        Thread.sleep(2_100);
        assertThat(getFromStore(shortView.url()).statusCode()).isEqualTo(403);
        assertThat(shortView.expiresAt()).isBefore(Instant.now());
    }

    @Test
    void confirmingWhatWasNotUploadedOrIsNotYoursIsRefused() {
        var guard = sharedSociety().guard();
        JsonNode presigned = presign(guard, "ENTRY_PHOTO", "visitor.webp", "image/webp", 10);
        String key = presigned.get("s3Key").asText();

        // nothing PUT yet
        api().post(guard, "/upload/confirm", Map.of("s3Key", key)).exchange().expectStatus().isEqualTo(409);
        assertThat(putToStore(presigned.get("uploadUrl").asText(), "image/webp", bytes(10))).isEqualTo(200);
        // someone else of the society, and an admin of another society
        api().post(sharedSociety().admin(), "/upload/confirm", Map.of("s3Key", key)).exchange().expectStatus().isForbidden();
        var foreign = api().newSociety();
        api().post(foreign.guard(), "/upload/confirm", Map.of("s3Key", key)).exchange().expectStatus().isNotFound();
        // keys that name no upload: unknown id, the id of something else, not a key at all
        String prefix = "societies/" + sharedSociety().id() + "/ENTRY_PHOTO/";
        api().post(guard, "/upload/confirm", Map.of("s3Key", prefix + UUID.randomUUID() + "-x.jpg")).exchange()
                .expectStatus().isNotFound();
        api().post(guard, "/upload/confirm", Map.of("s3Key", prefix + guard.id() + "-x.jpg")).exchange()
                .expectStatus().isNotFound();
        api().post(guard, "/upload/confirm", Map.of("s3Key", prefix + sharedSociety().id() + "-x.jpg")).exchange()
                .expectStatus().isNotFound();
        api().post(guard, "/upload/confirm", Map.of("s3Key", "../../etc/passwd")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.s3Key").exists();
        api().post(guard, "/upload/confirm", Map.of()).exchange().expectStatus().isBadRequest();

        api().create(guard, "/upload/confirm", Map.of("s3Key", key));
    }

    @Test
    void declarationsOverTheLimitOrOfAnotherTypeAreRefusedBeforeSigning() {
        var resident = sharedSociety().residentA1();
        var guard = sharedSociety().guard();
        expectRefused(resident, "ONBOARDING_DOCUMENT", "scan.pdf", "application/pdf", 10L * 1024 * 1024 + 1, 413);
        expectRefused(guard, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", 5L * 1024 * 1024 + 1, 413);
        expectRefused(sharedSociety().admin(), "STAFF_PHOTO", "maid.png", "image/png", 6L * 1024 * 1024, 413);
        expectRefused(guard, "ENTRY_PHOTO", "visitor.pdf", "application/pdf", 100, 415);
        expectRefused(resident, "ONBOARDING_DOCUMENT", "id.webp", "image/webp", 100, 415);
        expectRefused(resident, "ONBOARDING_DOCUMENT", "page.html", "text/html", 100, 415);
        expectRefused(resident, "ONBOARDING_DOCUMENT", "id.pdf", "application/pdf", 0, 400);
        expectRefused(resident, "ONBOARDING_DOCUMENT", "id.pdf", "application/pdf", -5, 400);
        expectRefused(resident, "SELFIE", "me.jpg", "image/jpeg", 100, 400);
        expectRefused(resident, "ONBOARDING_DOCUMENT", " ", "application/pdf", 100, 400);
        // who may upload what
        expectRefused(resident, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", 100, 403);
        expectRefused(guard, "STAFF_PHOTO", "maid.jpg", "image/jpeg", 100, 403);
        expectRefused(sharedSociety().auditor(), "ONBOARDING_DOCUMENT", "id.pdf", "application/pdf", 100, 403);
        expectRefused(api().platformAdmin(), "ONBOARDING_DOCUMENT", "id.pdf", "application/pdf", 100, 403);
        // exactly at the limit is fine
        presign(resident, "ONBOARDING_DOCUMENT", "scan.pdf", "application/pdf", 10L * 1024 * 1024);
        presign(guard, "ENTRY_PHOTO", "visitor.jpg", "image/jpeg", 5L * 1024 * 1024);
    }

    private void expectRefused(Api.User user, String purpose, String fileName, String type, long size, int status) {
        api().post(user, "/upload/presigned-url", Map.of("purpose", purpose, "fileName", fileName, "mimeType", type,
                        "fileSize", size)).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.uploadUrl").doesNotExist();
    }

    @Test
    void fileNamesAreSanitised() {
        var resident = sharedSociety().residentB();
        byte[] scan = bytes(321);
        JsonNode presigned = presign(resident, "ONBOARDING_DOCUMENT", "../../etc/pass\u0000wd\u202E.pdf",
                "application/pdf", scan.length);
        String key = presigned.get("s3Key").asText();
        assertThat(key).matches("societies/" + sharedSociety().id() + "/ONBOARDING_DOCUMENT/[0-9a-f-]{36}-passwd\\.pdf");
        assertThat(putToStore(presigned.get("uploadUrl").asText(), "application/pdf", scan)).isEqualTo(200);
        JsonNode document = api().create(resident, "/upload/confirm", Map.of("s3Key", key));
        assertThat(document.get("fileName").asText()).isEqualTo("passwd.pdf");

        String windows = presign(resident, "ONBOARDING_DOCUMENT", "C:\\Users\\ravi\\Rent agreement (2026).pdf",
                "application/pdf", 10).get("s3Key").asText();
        assertThat(windows).endsWith("-Rent_agreement_2026.pdf").doesNotContain("\\", " ", "(");
        String dots = presign(resident, "ONBOARDING_DOCUMENT", "..", "application/pdf", 10).get("s3Key").asText();
        assertThat(dots).endsWith("-file").doesNotContain("..");
    }

    @Test
    void retryingWithTheSameIdempotencyKeyAnswersTheSameUpload() {
        var guard = sharedSociety().guard();
        String idempotencyKey = UUID.randomUUID().toString();
        var body = Map.of("purpose", "ENTRY_PHOTO", "fileName", "visitor.png", "mimeType", "image/png", "fileSize", 64);
        JsonNode first = api().post(guard, "/upload/presigned-url", body).header("Idempotency-Key", idempotencyKey)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        // the key with another declaration is refused (422): it belongs to the first request
        api().post(guard, "/upload/presigned-url", Map.of("purpose", "ENTRY_PHOTO", "fileName",
                        "other.jpg", "mimeType", "image/jpeg", "fileSize", 99)).header("Idempotency-Key", idempotencyKey)
                .exchange().expectStatus().isEqualTo(422);
        JsonNode retry = api().post(guard, "/upload/presigned-url", body).header("Idempotency-Key", idempotencyKey)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(retry.get("s3Key")).isEqualTo(first.get("s3Key"));
        assertThat(retry.get("headers")).isEqualTo(first.get("headers"));

        assertThat(putToStore(retry.get("uploadUrl").asText(), "image/png", bytes(64))).isEqualTo(200);
        api().create(guard, "/upload/confirm", Map.of("s3Key", first.get("s3Key").asText()));
        api().post(guard, "/upload/presigned-url", body).header("Idempotency-Key", idempotencyKey)
                .exchange().expectStatus().isEqualTo(409);
        // without the key, a new upload
        assertThat(presign(guard, "ENTRY_PHOTO", "visitor.png", "image/png", 64).get("s3Key"))
                .isNotEqualTo(first.get("s3Key"));
    }

    @Test
    void deletingADocumentRemovesItsFile() throws InterruptedException {
        var resident = sharedSociety().residentA2();
        JsonNode document = api().upload(resident, "ONBOARDING_DOCUMENT", "lease.png", "image/png", bytes(777));
        String id = document.get("id").asText();
        String key = document.get("s3Key").asText();
        assertThat(stored(key)).isTrue();

        api().delete(resident, "/upload/{id}", id).exchange().expectStatus().isNoContent();
        api().get(resident, "/upload/{id}/view-url", id).exchange().expectStatus().isNotFound();
        awaitGone(key);
        api().delete(resident, "/upload/{id}", id).exchange().expectStatus().isNotFound();
        api().post(resident, "/upload/confirm", Map.of("s3Key", key)).exchange().expectStatus().isNotFound();
    }

    @Test
    void unconfirmedUploadsAreRemovedAfterTheOrphanAgeAndConfirmedOnesStay() throws InterruptedException {
        var guard = sharedSociety().guard();
        byte[] photo = bytes(2222);
        JsonNode orphan = presign(guard, "ENTRY_PHOTO", "never-confirmed.jpg", "image/jpeg", photo.length);
        String orphanKey = orphan.get("s3Key").asText();
        assertThat(putToStore(orphan.get("uploadUrl").asText(), "image/jpeg", photo)).isEqualTo(200);
        JsonNode kept = api().upload(guard, "ENTRY_PHOTO", "confirmed.jpg", "image/jpeg", photo);
        String keptKey = kept.get("s3Key").asText();

        // the recurring task sweeps what is older than gatehouse.upload.orphan-age (a day); here: older than now
        Thread.sleep(20);
        Instant cutoff = Instant.now();
        Thread.sleep(20);
        JsonNode young = presign(guard, "ENTRY_PHOTO", "just-asked.jpg", "image/jpeg", photo.length);
        assertThat(putToStore(young.get("uploadUrl").asText(), "image/jpeg", photo)).isEqualTo(200);
        awaitUnconfirmedVisible(orphan);
        assertThat(orphans.sweep(cutoff)).isGreaterThanOrEqualTo(1);

        awaitGone(orphanKey);
        api().post(guard, "/upload/confirm", Map.of("s3Key", orphanKey)).exchange().expectStatus().isNotFound();
        assertThat(stored(keptKey)).isTrue();
        var download = getFromStore(api().read(guard, "/upload/{id}/view-url", kept.get("id").asText())
                .get("url").asText());
        assertThat(download.body()).isEqualTo(photo);
        // issued after the cutoff: stays, and can still be confirmed
        assertThat(stored(young.get("s3Key").asText())).isTrue();
        api().create(guard, "/upload/confirm", Map.of("s3Key", young.get("s3Key").asText()));
    }

    /** The sweep finds candidates in the uploads read model: wait until it shows the orphan. */
    private void awaitUnconfirmedVisible(JsonNode presigned) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Integer n = jdbc.queryForObject("select count(*) from upload_document where s3_key = ?", Integer.class,
                    presigned.get("s3Key").asText());
            if (n != null && n == 1) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the uploads read model never showed " + presigned.get("s3Key"));
    }

    @Test
    void theOrphanSweepIsAPersistentRecurringTask() {
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                OrphanSweepTask.NAME)).isEqualTo(1);
    }
}
