package com.gatehouse.server.storage;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.upload.ObjectUrls;
import com.gatehouse.api.upload.StoredFiles;
import com.gatehouse.api.upload.StoredObject;
import com.gatehouse.command.upload.ObjectStore;
import com.gatehouse.command.upload.UploadProperties;
import com.gatehouse.server.storage.ObjectStoreConfig.ObjectStoreEndpoint;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The upload context's object store and every context's view links, over S3: URLs are signed for the
 * public endpoint (the host clients use), HEAD and DELETE go to the internal one. Blocking: call it off
 * the event loop.
 */
@Component
public class S3ObjectStore implements ObjectStore, ObjectUrls, StoredFiles {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final UploadProperties properties;

    public S3ObjectStore(S3Client s3, S3Presigner presigner, ObjectStoreEndpoint endpoint,
                         UploadProperties properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = endpoint.bucket();
        this.properties = properties;
    }

    @Override
    public PresignedUpload presignUpload(String key, String contentType, long contentLength, Duration ttl) {
        var presigned = reach(() -> presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType)
                        .contentLength(contentLength))));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(headerName(name), String.join(",", values));
            }
        });
        return new PresignedUpload(presigned.url().toString(), expiry(presigned.expiration()), headers);
    }

    @Override
    public SignedUrl presignDownload(String key, Duration ttl) {
        var presigned = reach(() -> presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key))));
        return new SignedUrl(presigned.url().toString(), expiry(presigned.expiration()));
    }

    /** A view link that lives {@code gatehouse.upload.view-url-ttl}. */
    @Override
    public SignedUrl viewUrl(String s3Key) {
        return presignDownload(s3Key, properties.viewUrlTtl());
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<byte[]> read(String s3Key, long maxBytes) {
        try {
            var object = s3.getObjectAsBytes(g -> g.bucket(bucket).key(s3Key));
            Long length = object.response().contentLength();
            return length != null && length > maxBytes ? Optional.empty() : Optional.of(object.asByteArray());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        reach(() -> s3.deleteObject(d -> d.bucket(bucket).key(key)));
    }

    /**
     * The instant the store stops accepting the URL: X-Amz-Date (whole seconds) plus X-Amz-Expires, so the
     * SDK's exact signing instant plus the lifetime, cut to whole seconds.
     */
    private static Instant expiry(Instant expiration) {
        return expiration.truncatedTo(ChronoUnit.SECONDS);
    }

    private static <T> T reach(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    private static Problem unavailable(SdkException e) {
        return new Problem(Problem.Kind.UNAVAILABLE, "The object store is not reachable: " + e.getMessage());
    }

    /** {@code content-type} -> {@code Content-Type}. */
    private static String headerName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (String part : List.of(name.toLowerCase(Locale.ROOT).split("-"))) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
