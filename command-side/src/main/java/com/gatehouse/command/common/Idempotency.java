package com.gatehouse.command.common;

import com.gatehouse.api.common.Caller;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code Idempotency-Key} support for creating POSTs: the new thing's id is derived from (caller, kind,
 * key), so a retried request addresses the same aggregate and creates nothing new. Without a key
 * every request creates a new id.
 * <p>
 * In front of this, the server binds each key to the first request it came with, in PostgreSQL for
 * every instance (server's {@code IdempotencyFilter}): the key with another request answers 422, and
 * while the first request is still in flight 409, before any endpoint runs.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private Idempotency() {
    }

    public static UUID newId(Caller caller, String kind, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((caller.userId() + "\n" + kind + "\n" + idempotencyKey.strip())
                .getBytes(StandardCharsets.UTF_8));
    }

    public static boolean given(String idempotencyKey) {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
