package com.gatehouse.server.upload;

import com.gatehouse.command.upload.UploadProperties;
import com.gatehouse.server.config.S3Properties;
import com.gatehouse.server.embedded.EmbeddedObjectStore;
import com.gatehouse.server.storage.ObjectStoreConfig;
import com.gatehouse.server.storage.ObjectStoreConfig.EmbeddedObjectStoreHolder;
import com.gatehouse.server.storage.S3ObjectStore;
import com.gatehouse.server.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upload store against an external S3 endpoint configured by settings alone (here a separate S3Proxy
 * reached as "127.0.0.1", with clients told to use "localhost"): path-style access, region, the public
 * endpoint as the signed host, and a clear start-up error when the bucket is missing or the key is wrong.
 */
class ExternalObjectStoreTest {

    static final String ACCESS = "external-access";
    static final String SECRET = "external-secret-0123456789abcdef";

    @TempDir
    static Path dir;
    static EmbeddedObjectStore external;
    static final ObjectStoreConfig config = new ObjectStoreConfig();
    static final EmbeddedObjectStoreHolder noEmbeddedStore = new EmbeddedObjectStoreHolder(null, null, null);
    static final UploadProperties upload = new UploadProperties(Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofHours(1));

    @BeforeAll
    static void start() {
        external = new EmbeddedObjectStore(dir, "127.0.0.1", 0, ACCESS, SECRET).start();
    }

    @AfterAll
    static void stop() {
        external.close();
    }

    static S3Properties settings(String bucket, String secret) {
        return new S3Properties(external.endpoint(), URI.create("http://localhost:" + external.port()), "eu-west-1",
                bucket, ACCESS, secret, true, 0);
    }

    @Test
    void aMissingBucketOrAWrongKeyStopsStartUpClearly() {
        var missing = config.objectStoreEndpoint(settings("no-such-bucket", SECRET), noEmbeddedStore);
        assertThatThrownBy(() -> config.s3Client(missing, noEmbeddedStore))
                .hasMessageContaining("The object store has no bucket 'no-such-bucket'")
                .hasMessageContaining("gatehouse.s3.bucket");
        var wrongKey = config.objectStoreEndpoint(settings("no-such-bucket", "not-the-secret"), noEmbeddedStore);
        assertThatThrownBy(() -> config.s3Client(wrongKey, noEmbeddedStore))
                .hasMessageContaining("Cannot reach the object store bucket")
                .hasMessageContaining("gatehouse.s3.endpoint, access-key and secret-key");
    }

    @Test
    void uploadsGoToAnExistingBucketThroughUrlsSignedForThePublicEndpoint() {
        var endpoint = config.objectStoreEndpoint(settings("uploads", SECRET), noEmbeddedStore);
        try (var admin = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(external.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(endpoint.credentials())
                .forcePathStyle(true).build()) {
            admin.createBucket(b -> b.bucket("uploads"));
        }
        try (var s3 = config.s3Client(endpoint, noEmbeddedStore); var presigner = config.s3Presigner(endpoint)) {
            var store = new S3ObjectStore(s3, presigner, endpoint, upload);
            byte[] bytes = {9, 8, 7, 6, 5};
            var put = store.presignUpload("societies/x/STAFF_PHOTO/y-cook.webp", "image/webp", bytes.length,
                    Duration.ofMinutes(1));
            assertThat(put.url()).startsWith("http://localhost:" + external.port() + "/uploads/societies/x/")
                    .contains("%2Feu-west-1%2Fs3%2F");
            assertThat(Api.putToStore(put.url(), "image/webp", bytes)).isEqualTo(200);

            var head = store.head("societies/x/STAFF_PHOTO/y-cook.webp");
            assertThat(head).hasValueSatisfying(o -> {
                assertThat(o.size()).isEqualTo(5);
                assertThat(o.hasType("image/webp")).isTrue();
            });
            var view = store.viewUrl("societies/x/STAFF_PHOTO/y-cook.webp");
            assertThat(view.url()).startsWith("http://localhost:" + external.port() + "/").contains("X-Amz-Expires=3600");
            assertThat(Api.getFromStore(view.url()).body()).isEqualTo(bytes);

            store.delete("societies/x/STAFF_PHOTO/y-cook.webp");
            store.delete("societies/x/STAFF_PHOTO/y-cook.webp");
            assertThat(store.head("societies/x/STAFF_PHOTO/y-cook.webp")).isEmpty();
        }
    }
}
