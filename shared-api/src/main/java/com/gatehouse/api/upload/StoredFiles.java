package com.gatehouse.api.upload;

import java.util.Optional;

/**
 * The bytes of a stored object, for the few things the server draws itself with a stored file in them (the
 * staff card carries the staff member's photo). Implemented over S3 by the server; blocking.
 */
public interface StoredFiles {

    /** The object's bytes; empty when there is none, it is larger than {@code maxBytes} or the store is not reachable. */
    Optional<byte[]> read(String s3Key, long maxBytes);
}
