package com.gatehouse.server.storage;

import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.config.S3Properties;
import com.gatehouse.server.embedded.EmbeddedObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The S3 client and pre-signer. Without {@code gatehouse.s3.endpoint} the server runs its own
 * S3-compatible store (S3Proxy, files under {@code <data-dir>/objects}) with a key pair kept in the
 * data dir, and creates the bucket; an external store's bucket must exist (start-up fails clearly).
 */
@Configuration
public class ObjectStoreConfig {

    private static final Logger log = LoggerFactory.getLogger(ObjectStoreConfig.class);

    /** Where the server reaches the store, where clients do, and with which key. */
    public record ObjectStoreEndpoint(URI endpoint, URI publicEndpoint, Region region, String bucket,
                                      AwsCredentialsProvider credentials, boolean pathStyle) {
    }

    @Bean(destroyMethod = "close")
    public EmbeddedObjectStoreHolder embeddedObjectStore(S3Properties s3, GatehouseProperties properties) {
        if (!s3.embedded()) {
            return new EmbeddedObjectStoreHolder(null, null, null);
        }
        Path dir = properties.dataDir().resolve("objects");
        String[] keys = embeddedKeys(properties.dataDir().resolve("keys").resolve("object-store.key"));
        EmbeddedObjectStore store = s3.embeddedPort() != 0
                ? new EmbeddedObjectStore(dir, "127.0.0.1", s3.embeddedPort(), keys[0], keys[1]).start()
                : startOnKeptPort(dir, properties.dataDir().resolve(PORT_FILE), keys);
        log.info("Embedded object store is up at {} (files in {})", store.endpoint(), dir.toAbsolutePath());
        return new EmbeddedObjectStoreHolder(store, keys[0], keys[1]);
    }

    /** Where the embedded store's port is kept between starts, in the data dir. */
    static final String PORT_FILE = "object-store.port";

    /**
     * Without a fixed {@code gatehouse.s3.embedded-port}, the store takes the port it had at the previous start
     * of this data dir (kept in {@value #PORT_FILE}): the host and port are part of every pre-signed URL, so
     * view URLs handed out before a restart keep working after it. The first start, or a start that finds the
     * port taken, takes a free port and keeps that one from then on.
     */
    private static EmbeddedObjectStore startOnKeptPort(Path dir, Path portFile, String[] keys) {
        int kept = readPort(portFile);
        EmbeddedObjectStore store = null;
        if (kept > 0) {
            try {
                store = new EmbeddedObjectStore(dir, "127.0.0.1", kept, keys[0], keys[1]).start();
            } catch (IllegalStateException e) {
                log.warn("The embedded object store's port {} (kept in {}) is taken: using another one; pre-signed "
                        + "URLs issued before this start no longer work", kept, portFile);
            }
        }
        if (store == null) {
            store = new EmbeddedObjectStore(dir, "127.0.0.1", 0, keys[0], keys[1]).start();
        }
        if (store.port() != kept) {
            writePort(portFile, store.port());
        }
        return store;
    }

    private static int readPort(Path file) {
        try {
            if (Files.exists(file)) {
                int port = Integer.parseInt(Files.readString(file).strip());
                if (port > 0 && port <= 65535) {
                    return port;
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable {}: {}", file, e.getMessage());
        }
        return 0;
    }

    private static void writePort(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "port", ".tmp");
            Files.writeString(tmp, Integer.toString(port));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot keep the embedded object store's port in {}: the next start may take another port",
                    file, e);
        }
    }

    /** The embedded store, when there is one; closing it stops the store. */
    public record EmbeddedObjectStoreHolder(EmbeddedObjectStore store, String accessKey, String secretKey)
            implements AutoCloseable {
        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }

    @Bean
    public ObjectStoreEndpoint objectStoreEndpoint(S3Properties s3, EmbeddedObjectStoreHolder embedded) {
        if (embedded.store() != null) {
            URI endpoint = embedded.store().endpoint();
            return new ObjectStoreEndpoint(endpoint, s3.publicEndpoint() != null ? s3.publicEndpoint() : endpoint,
                    Region.of(s3.region()), s3.bucket(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(embedded.accessKey(), embedded.secretKey())),
                    true);
        }
        AwsCredentialsProvider credentials = s3.accessKey() != null && s3.secretKey() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        return new ObjectStoreEndpoint(s3.endpoint(), s3.publicEndpoint() != null ? s3.publicEndpoint() : s3.endpoint(),
                Region.of(s3.region()), s3.bucket(), credentials, s3.pathStyleAccess());
    }

    @Bean(destroyMethod = "close")
    public S3Client s3Client(ObjectStoreEndpoint store, EmbeddedObjectStoreHolder embedded) {
        S3Client client = S3Client.builder()
                .endpointOverride(store.endpoint())
                .region(store.region())
                .credentialsProvider(store.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(store.pathStyle()).build())
                .build();
        ensureBucket(client, store.bucket(), embedded.store() != null);
        return client;
    }

    /** Signs URLs for the address clients use: the host is part of the signature. */
    @Bean(destroyMethod = "close")
    public S3Presigner s3Presigner(ObjectStoreEndpoint store) {
        return S3Presigner.builder()
                .endpointOverride(store.publicEndpoint())
                .region(store.region())
                .credentialsProvider(store.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(store.pathStyle()).build())
                .build();
    }

    @Bean
    public HealthIndicator objectStoreHealthIndicator(S3Client client, ObjectStoreEndpoint store) {
        return () -> {
            try {
                client.headBucket(b -> b.bucket(store.bucket()));
                return Health.up().withDetail("bucket", store.bucket()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("bucket", store.bucket()).withDetail("error", e.getMessage()).build();
            }
        };
    }

    private static void ensureBucket(S3Client client, String bucket, boolean create) {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception missing) {
            if (missing.statusCode() != 404) {
                throw new IllegalStateException("Cannot reach the object store bucket '" + bucket + "': "
                        + missing.getMessage() + " (check gatehouse.s3.endpoint, access-key and secret-key)", missing);
            }
            if (!create) {
                throw new IllegalStateException("The object store has no bucket '" + bucket
                        + "': create it or set gatehouse.s3.bucket");
            }
            client.createBucket(b -> b.bucket(bucket));
            log.info("Created bucket {}", bucket);
        }
    }

    /** The embedded store's key pair: made once, kept owner-only in the data dir. */
    private static String[] embeddedKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                var random = new SecureRandom();
                byte[] access = new byte[10];
                byte[] secret = new byte[30];
                random.nextBytes(access);
                random.nextBytes(secret);
                Path tmp = Files.createTempFile(file.getParent(), "s3", ".tmp");
                Files.writeString(tmp, "GH" + HexFormat.of().formatHex(access).toUpperCase() + "\n"
                        + HexFormat.of().formatHex(secret) + "\n");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            var lines = Files.readAllLines(file);
            return new String[]{lines.get(0).strip(), lines.get(1).strip()};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
