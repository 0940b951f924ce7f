package com.gatehouse.api.upload;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentAccessTest {

    static final UUID SOCIETY = UUID.randomUUID();
    static final UUID FLAT_A = UUID.randomUUID();
    static final UUID FLAT_B = UUID.randomUUID();
    static final Caller OWNER = new Caller(UUID.randomUUID(), Role.GUARD, SOCIETY, null);
    static final Caller GUARD = new Caller(UUID.randomUUID(), Role.GUARD, SOCIETY, null);
    static final Caller ADMIN = new Caller(UUID.randomUUID(), Role.ADMIN, SOCIETY, null);
    static final Caller RESIDENT_A = new Caller(UUID.randomUUID(), Role.RESIDENT, SOCIETY, FLAT_A);
    static final Caller RESIDENT_B = new Caller(UUID.randomUUID(), Role.RESIDENT, SOCIETY, FLAT_B);
    static final Caller AUDITOR = new Caller(UUID.randomUUID(), Role.AUDITOR, SOCIETY, null);
    static final Caller FOREIGN_ADMIN = new Caller(UUID.randomUUID(), Role.ADMIN, UUID.randomUUID(), null);
    static final Caller PLATFORM = new Caller(UUID.randomUUID(), Role.SUPER_ADMIN, null, null);

    static DocumentView document(UploadPurpose purpose) {
        return new DocumentView(UUID.randomUUID(), "societies/x", "f.png", 1, "image/png", purpose, OWNER.userId(),
                SOCIETY, Instant.now());
    }

    static boolean view(Caller caller, UploadPurpose purpose) {
        return DocumentAccess.mayView(caller, document(purpose), () -> List.of(FLAT_A));
    }

    @Test
    void entryPhotosAreSeenByGuardsAndTheFlatsTheyAreShownTo() {
        assertThat(view(OWNER, UploadPurpose.ENTRY_PHOTO)).isTrue();
        assertThat(view(GUARD, UploadPurpose.ENTRY_PHOTO)).isTrue();
        assertThat(view(ADMIN, UploadPurpose.ENTRY_PHOTO)).isTrue();
        assertThat(view(PLATFORM, UploadPurpose.ENTRY_PHOTO)).isTrue();
        assertThat(view(RESIDENT_A, UploadPurpose.ENTRY_PHOTO)).isTrue();
        assertThat(view(RESIDENT_B, UploadPurpose.ENTRY_PHOTO)).isFalse();
        assertThat(view(AUDITOR, UploadPurpose.ENTRY_PHOTO)).isFalse();
        assertThat(view(FOREIGN_ADMIN, UploadPurpose.ENTRY_PHOTO)).isFalse();
    }

    @Test
    void otherDocumentsAreSeenByTheirUploaderAndAdminsOnly() {
        for (UploadPurpose purpose : List.of(UploadPurpose.ONBOARDING_DOCUMENT, UploadPurpose.STAFF_PHOTO)) {
            assertThat(view(OWNER, purpose)).isTrue();
            assertThat(view(ADMIN, purpose)).isTrue();
            assertThat(view(GUARD, purpose)).isFalse();
            assertThat(view(RESIDENT_A, purpose)).isFalse();
            assertThat(view(FOREIGN_ADMIN, purpose)).isFalse();
        }
    }

    @Test
    void theFlatsShownAreAskedOnlyWhenTheyMatter() {
        assertThat(DocumentAccess.mayView(GUARD, document(UploadPurpose.ENTRY_PHOTO), () -> {
            throw new AssertionError("asked");
        })).isTrue();
        assertThat(DocumentAccess.mayView(RESIDENT_A, document(UploadPurpose.STAFF_PHOTO), () -> {
            throw new AssertionError("asked");
        })).isFalse();
    }

    @Test
    void onlyTheUploaderAndAdminsDelete() {
        assertThat(DocumentAccess.mayDelete(OWNER, OWNER.userId(), SOCIETY)).isTrue();
        assertThat(DocumentAccess.mayDelete(ADMIN, OWNER.userId(), SOCIETY)).isTrue();
        assertThat(DocumentAccess.mayDelete(PLATFORM, OWNER.userId(), SOCIETY)).isTrue();
        assertThat(DocumentAccess.mayDelete(GUARD, OWNER.userId(), SOCIETY)).isFalse();
        assertThat(DocumentAccess.mayDelete(RESIDENT_A, OWNER.userId(), SOCIETY)).isFalse();
        assertThat(DocumentAccess.mayDelete(AUDITOR, OWNER.userId(), SOCIETY)).isFalse();
        assertThat(DocumentAccess.mayDelete(FOREIGN_ADMIN, OWNER.userId(), SOCIETY)).isFalse();
    }
}
