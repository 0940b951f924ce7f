package com.gatehouse.api.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A block (tower, wing) of a society is named by its flats' {@code block}; its id is derived from the society
 * and the name (case and surrounding spaces ignored, as for flat addresses), so every flat ever added has a
 * block id with no migration, and the same block answers the same id everywhere.
 */
public final class Blocks {

    private Blocks() {
    }

    public static UUID idOf(UUID societyId, String block) {
        return UUID.nameUUIDFromBytes(("block:" + societyId + ":" + block.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }
}
