package com.gatehouse.command.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Upload settings ({@code gatehouse.upload.*}). An invalid value stops start-up naming the property.
 *
 * @param uploadUrlTtl        how long a pre-signed upload (PUT) URL works
 * @param viewUrlTtl          how long a pre-signed view (GET) URL works
 * @param orphanAge           an upload not confirmed this long after its URL was issued is removed
 * @param orphanSweepInterval how often the orphan sweep runs
 */
@ConfigurationProperties("gatehouse.upload")
public record UploadProperties(@DefaultValue("PT5M") Duration uploadUrlTtl,
                               @DefaultValue("PT1H") Duration viewUrlTtl,
                               @DefaultValue("P1D") Duration orphanAge,
                               @DefaultValue("PT1H") Duration orphanSweepInterval) {

    /** The longest a SigV4 pre-signed URL may live. */
    static final Duration MAX_URL_TTL = Duration.ofDays(7);

    public UploadProperties {
        signedUrlTtl(uploadUrlTtl, "gatehouse.upload.upload-url-ttl", "PT5M");
        signedUrlTtl(viewUrlTtl, "gatehouse.upload.view-url-ttl", "PT1H");
        positive(orphanAge, "gatehouse.upload.orphan-age", "P1D");
        positive(orphanSweepInterval, "gatehouse.upload.orphan-sweep-interval", "PT1H");
        if (orphanAge.compareTo(uploadUrlTtl) <= 0) {
            throw new IllegalArgumentException("gatehouse.upload.orphan-age (" + orphanAge
                    + ") must be longer than gatehouse.upload.upload-url-ttl (" + uploadUrlTtl
                    + "), or uploads could be removed while their URL still works");
        }
    }

    private static void signedUrlTtl(Duration value, String property, String example) {
        positive(value, property, example);
        if (value.compareTo(MAX_URL_TTL) > 0) {
            throw new IllegalArgumentException(property + " must be at most P7D (the longest a pre-signed URL "
                    + "may live); was " + value);
        }
    }

    private static void positive(Duration value, String property, String example) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. " + example
                    + "; was " + value);
        }
    }
}
