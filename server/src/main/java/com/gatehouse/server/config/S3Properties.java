package com.gatehouse.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The object store ({@code gatehouse.s3.*}). Without an endpoint the server runs its own
 * S3-compatible store (S3Proxy) under {@code <data-dir>/objects}.
 *
 * @param endpoint       where the server talks to S3 (empty: embedded store)
 * @param publicEndpoint the address clients use for pre-signed URLs; it is part of the signature
 *                       (defaults to {@code endpoint})
 * @param embeddedPort   port of the embedded store (0: any free port)
 */
@ConfigurationProperties("gatehouse.s3")
public record S3Properties(URI endpoint, URI publicEndpoint, @DefaultValue("us-east-1") String region,
                           @DefaultValue("gatehouse") String bucket, String accessKey, String secretKey,
                           @DefaultValue("true") boolean pathStyleAccess, @DefaultValue("0") int embeddedPort) {

    public boolean embedded() {
        return endpoint == null;
    }
}
