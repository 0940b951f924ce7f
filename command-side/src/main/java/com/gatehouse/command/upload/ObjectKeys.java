package com.gatehouse.command.upload;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadPurpose;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The object key layout {@code societies/{societyId}/{purpose}/{documentId}-{safeFileName}}: the society
 * segment confines a key to its society, the document id ties it to its upload.
 */
public final class ObjectKeys {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern KEY = Pattern.compile(
            "societies/(" + UUID_PATTERN + ")/([A-Z_]+)/(" + UUID_PATTERN + ")-([A-Za-z0-9._-]+)");

    private ObjectKeys() {
    }

    /** What a key says: whose society, which purpose, which upload. */
    public record Parsed(SocietyId societyId, UploadPurpose purpose, DocumentId documentId) {
    }

    public static String of(SocietyId society, UploadPurpose purpose, DocumentId document, String safeFileName) {
        return "societies/" + society + "/" + purpose.name() + "/" + document + "-" + safeFileName;
    }

    /** Empty for anything that is not a key of this layout. */
    public static Optional<Parsed> parse(String key) {
        var m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        UploadPurpose purpose;
        try {
            purpose = UploadPurpose.valueOf(m.group(2));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new SocietyId(UUID.fromString(m.group(1))), purpose,
                new DocumentId(UUID.fromString(m.group(3)))));
    }
}
