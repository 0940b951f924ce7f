package com.gatehouse.command.entry;

import com.gatehouse.api.common.SocietyId;

/**
 * The rule "a request's photo is a confirmed ENTRY_PHOTO of the guard's society", which spans the upload
 * context: checked by asking the upload context's query (see {@link UploadedEntryPhotos}) while the raise
 * is decided.
 */
@FunctionalInterface
public interface EntryPhotos {

    boolean isConfirmedEntryPhoto(SocietyId society, String s3Key);
}
