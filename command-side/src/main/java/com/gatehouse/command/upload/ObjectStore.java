package com.gatehouse.command.upload;

import com.gatehouse.api.upload.ObjectUrls.SignedUrl;
import com.gatehouse.api.upload.StoredObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The object store as the upload context needs it: pre-signed PUTs and GETs, HEAD, delete. A port, so
 * the command side stays free of the AWS SDK; the server implements it over S3 (the embedded S3Proxy or
 * any S3 endpoint). Failures to reach the store are {@code Problem}s of kind UNAVAILABLE (503).
 */
public interface ObjectStore {

    /**
     * A URL that accepts exactly one PUT of {@code contentLength} bytes of {@code contentType} under
     * {@code key} until it expires; the client must send {@code headers} with it (they are signed).
     */
    PresignedUpload presignUpload(String key, String contentType, long contentLength, Duration ttl);

    /** A URL that GETs the object until it expires. */
    SignedUrl presignDownload(String key, Duration ttl);

    /** What is stored under the key, or empty when nothing is. */
    Optional<StoredObject> head(String key);

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key);

    record PresignedUpload(String url, Instant expiresAt, Map<String, String> headers) {
    }
}
