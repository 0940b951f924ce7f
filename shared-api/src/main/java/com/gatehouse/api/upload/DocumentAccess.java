package com.gatehouse.api.upload;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.upload.UploadQuery.DocumentView;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who may see and delete a document: the one place these rules live (the query side applies
 * {@link #mayView}, the upload aggregate {@link #mayDelete}). A document of another society is
 * answered 404 before these rules are asked; a refusal here is a 403.
 * <ul>
 *   <li>view: the uploader, the society's admins (and the platform operator); for ENTRY_PHOTO also
 *       every guard of the society and the residents of the flats whose entry requests show it; for
 *       NOTICE_ATTACHMENT every member of the society (it is posted on the notice board)</li>
 *   <li>delete: the uploader, the society's admins (and the platform operator)</li>
 * </ul>
 */
public final class DocumentAccess {

    private DocumentAccess() {
    }

    /** @param flatsShown the flats shown this photo (asked only for a resident and an ENTRY_PHOTO) */
    public static boolean mayView(Caller caller, DocumentView document, Supplier<Collection<UUID>> flatsShown) {
        if (!caller.canSeeSociety(document.societyId())) {
            return false;
        }
        if (isOwnerOrAdmin(caller, document.uploadedBy())) {
            return true;
        }
        if (document.purpose() == UploadPurpose.NOTICE_ATTACHMENT) {
            return true;
        }
        if (document.purpose() != UploadPurpose.ENTRY_PHOTO) {
            return false;
        }
        return caller.role() == Role.GUARD
                || (caller.role() == Role.RESIDENT && caller.flatId() != null
                && flatsShown.get().contains(caller.flatId()));
    }

    public static boolean mayDelete(Caller caller, UUID uploadedBy, UUID societyId) {
        return caller.canSeeSociety(societyId) && isOwnerOrAdmin(caller, uploadedBy);
    }

    private static boolean isOwnerOrAdmin(Caller caller, UUID uploadedBy) {
        return caller.userId().equals(uploadedBy) || caller.hasRole(Role.ADMIN, Role.SUPER_ADMIN);
    }
}
