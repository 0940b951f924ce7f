package com.gatehouse.api.upload;

import java.time.Instant;

/**
 * Short-lived links to stored objects (pre-signed GETs), for every context that shows a photo or
 * document. Implemented over S3 by the server; the lifetime is {@code gatehouse.upload.view-url-ttl}.
 */
public interface ObjectUrls {

    SignedUrl viewUrl(String s3Key);

    /** The contract's {@code {url, expiresAt}}. */
    record SignedUrl(String url, Instant expiresAt) {
    }
}
