package com.gatehouse.command.upload;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.StoredObject;
import com.gatehouse.api.upload.UploadCommand.AbandonUpload;
import com.gatehouse.api.upload.UploadCommand.ConfirmUpload;
import com.gatehouse.api.upload.UploadCommand.DeleteDocument;
import com.gatehouse.api.upload.UploadCommand.ExpireDocument;
import com.gatehouse.api.upload.UploadCommand.IssueUploadUrl;
import com.gatehouse.api.upload.UploadCommand.IssuedUpload;
import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.api.upload.UploadEvent.UploadAbandoned;
import com.gatehouse.api.upload.UploadEvent.UploadConfirmed;
import com.gatehouse.api.upload.UploadEvent.UploadUrlIssued;
import com.gatehouse.api.upload.UploadPurpose;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final SocietyId SOCIETY = SocietyId.random();
    static final DocumentId ID = new DocumentId(UUID.randomUUID());
    static final Caller GUARD = new Caller(UUID.randomUUID(), Role.GUARD, SOCIETY.value(), null);
    static final Caller OTHER_GUARD = new Caller(UUID.randomUUID(), Role.GUARD, SOCIETY.value(), null);
    static final Caller ADMIN = new Caller(UUID.randomUUID(), Role.ADMIN, SOCIETY.value(), null);
    static final Caller FOREIGN_ADMIN = new Caller(UUID.randomUUID(), Role.ADMIN, UUID.randomUUID(), null);
    static final Caller RESIDENT = new Caller(UUID.randomUUID(), Role.RESIDENT, SOCIETY.value(), UUID.randomUUID());
    static final String KEY = "societies/" + SOCIETY + "/ENTRY_PHOTO/" + ID + "-visitor.jpg";

    AggregateTestFixture<Document> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Document.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static UploadUrlIssued issued() {
        return new UploadUrlIssued(ID, SOCIETY, new UserId(GUARD.userId()), UploadPurpose.ENTRY_PHOTO, KEY,
                "visitor.jpg", "image/jpeg", 2048, NOW.minusSeconds(60));
    }

    static UploadConfirmed confirmed() {
        return new UploadConfirmed(ID, SOCIETY, new UserId(GUARD.userId()), UploadPurpose.ENTRY_PHOTO, KEY,
                "visitor.jpg", "image/jpeg", 2048, NOW);
    }

    static IssueUploadUrl issue(Caller by, UploadPurpose purpose, String fileName, String type, long size) {
        return new IssueUploadUrl(ID, by, purpose, fileName, type, size);
    }

    /** The refusal a user would see: a {@link Problem} of this kind. */
    static Matcher<Object> problem(Problem.Kind kind) {
        return new TypeSafeMatcher<>(Problem.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return ((Problem) item).kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a Problem of kind " + kind);
            }
        };
    }

    @Test
    void guardDeclaresAVisitorPhotoAndGetsAKeyInTheSociety() {
        fixture.givenNoPriorActivity()
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "../../tmp/visitor.jpg", "IMAGE/JPEG ", 2048))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UploadUrlIssued(ID, SOCIETY, new UserId(GUARD.userId()), UploadPurpose.ENTRY_PHOTO,
                        KEY, "visitor.jpg", "image/jpeg", 2048, NOW))
                .expectResultMessagePayload(new IssuedUpload(ID, KEY, "image/jpeg", 2048));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstDeclarationWhileUnconfirmed() {
        fixture.given(issued())
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "other.png", "image/png", 99))
                .expectNoEvents()
                .expectResultMessagePayload(new IssuedUpload(ID, KEY, "image/jpeg", 2048));
        fixture.given(issued(), confirmed())
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "visitor.jpg", "image/jpeg", 2048))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.CONFLICT));
    }

    @Test
    void aDeclarationOverTheLimitIsTooLargeAndAnotherTypeUnsupported() {
        fixture.givenNoPriorActivity()
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "big.jpg", "image/jpeg", 5L * 1024 * 1024 + 1))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.TOO_LARGE));
        fixture.givenNoPriorActivity()
                .when(issue(RESIDENT, UploadPurpose.ONBOARDING_DOCUMENT, "id.pdf", "application/pdf", 10L * 1024 * 1024))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "visitor.pdf", "application/pdf", 100))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.UNSUPPORTED_TYPE));
        fixture.givenNoPriorActivity()
                .when(issue(GUARD, UploadPurpose.ENTRY_PHOTO, "empty.jpg", "image/jpeg", 0))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.INVALID));
    }

    @Test
    void aResidentMayNotUploadAnEntryPhoto() {
        fixture.givenNoPriorActivity()
                .when(issue(RESIDENT, UploadPurpose.ENTRY_PHOTO, "visitor.jpg", "image/jpeg", 100))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.FORBIDDEN));
    }

    @Test
    void uploaderConfirmsWhatIsStoredWithTheDeclaredSizeAndType() {
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, GUARD, new StoredObject(2048, "image/jpeg")))
                .expectEvents(confirmed());
    }

    @Test
    void confirmingTwiceChangesNothing() {
        fixture.given(issued(), confirmed())
                .when(new ConfirmUpload(ID, KEY, GUARD, new StoredObject(2048, "image/jpeg")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmingNothingOrSomethingElseIsAConflict() {
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, GUARD, null))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.CONFLICT));
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, GUARD, new StoredObject(2047, "image/jpeg")))
                .expectException(problem(Problem.Kind.CONFLICT));
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, GUARD, new StoredObject(2048, "image/png")))
                .expectException(problem(Problem.Kind.CONFLICT));
    }

    @Test
    void someoneElsesKeyIsRefused() {
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, OTHER_GUARD, new StoredObject(2048, "image/jpeg")))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.FORBIDDEN));
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY, FOREIGN_ADMIN, new StoredObject(2048, "image/jpeg")))
                .expectException(problem(Problem.Kind.NOT_FOUND));
        fixture.given(issued())
                .when(new ConfirmUpload(ID, KEY.replace("visitor", "other"), GUARD, new StoredObject(2048, "image/jpeg")))
                .expectException(problem(Problem.Kind.NOT_FOUND));
    }

    @Test
    void onlyTheUploaderOrAnAdminDeletes() {
        fixture.given(issued(), confirmed())
                .when(new DeleteDocument(ID, OTHER_GUARD))
                .expectNoEvents()
                .expectException(problem(Problem.Kind.FORBIDDEN));
        fixture.given(issued(), confirmed())
                .when(new DeleteDocument(ID, FOREIGN_ADMIN))
                .expectException(problem(Problem.Kind.NOT_FOUND));
        fixture.given(issued(), confirmed())
                .when(new DeleteDocument(ID, ADMIN))
                .expectEvents(new DocumentDeleted(ID, SOCIETY, KEY, new UserId(ADMIN.userId()), NOW));
        fixture.given(issued(), confirmed())
                .when(new DeleteDocument(ID, GUARD))
                .expectEvents(new DocumentDeleted(ID, SOCIETY, KEY, new UserId(GUARD.userId()), NOW));
    }

    @Test
    void anUnconfirmedUploadIsNoDocumentToDelete() {
        fixture.given(issued())
                .when(new DeleteDocument(ID, ADMIN))
                .expectException(problem(Problem.Kind.NOT_FOUND));
    }

    @Test
    void theSweepAbandonsAnOldUnconfirmedUploadOnly() {
        fixture.given(issued())
                .when(new AbandonUpload(ID, NOW))
                .expectEvents(new UploadAbandoned(ID, SOCIETY, KEY, NOW));
        fixture.given(issued())
                .when(new AbandonUpload(ID, NOW.minusSeconds(3600)))
                .expectNoEvents();
        fixture.given(issued(), confirmed())
                .when(new AbandonUpload(ID, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAbandonedUploadCannotBeConfirmed() {
        fixture.given(issued(), new UploadAbandoned(ID, SOCIETY, KEY, NOW))
                .when(new ConfirmUpload(ID, KEY, GUARD, new StoredObject(2048, "image/jpeg")))
                .expectException(problem(Problem.Kind.NOT_FOUND));
    }

    @Test
    void storedTypesCompareWithoutBlanksAndCase() {
        assertThat(new StoredObject(1, "text/plain;charset=UTF-8").hasType("text/plain; charset=utf-8")).isTrue();
        assertThat(new StoredObject(1, "image/png").hasType("image/jpeg")).isFalse();
        assertThat(new StoredObject(1, null).hasType("image/jpeg")).isFalse();
    }

    @Test
    void aPhotoConfirmedBeforeTheRetentionCutOffExpires() {
        fixture.given(issued(), confirmed())
                .when(new ExpireDocument(ID, NOW.plusSeconds(1), "retention: entry photos are kept 90 days"))
                .expectEvents(new DocumentExpired(ID, SOCIETY, UploadPurpose.ENTRY_PHOTO, KEY,
                        "retention: entry photos are kept 90 days", NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void aPhotoConfirmedAfterTheCutOffOrAlreadyGoneStays() {
        fixture.given(issued(), confirmed())
                .when(new ExpireDocument(ID, NOW, "retention"))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(issued(), confirmed(), new DocumentDeleted(ID, SOCIETY, KEY, new UserId(ADMIN.userId()), NOW))
                .when(new ExpireDocument(ID, NOW.plusSeconds(1), "retention"))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(issued())
                .when(new ExpireDocument(ID, NOW.plusSeconds(1), "retention"))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
