package com.gatehouse.api.upload;

import java.util.Locale;

/** What the object store holds under a key (its HEAD): size in bytes and content type. */
public record StoredObject(long size, String contentType) {

    /**
     * Whether the stored type is the declared one. Compared without blanks and case: S3Proxy stores
     * {@code text/plain; charset=utf-8} as {@code text/plain;charset=utf-8}, real S3 keeps it verbatim.
     */
    public boolean hasType(String declared) {
        return contentType != null && declared != null && squeeze(contentType).equals(squeeze(declared));
    }

    private static String squeeze(String type) {
        return type.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
