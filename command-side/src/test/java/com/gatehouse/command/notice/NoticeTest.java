package com.gatehouse.command.notice;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notice.NoticeCommand.Content;
import com.gatehouse.api.notice.NoticeCommand.DeleteNotice;
import com.gatehouse.api.notice.NoticeCommand.EditNotice;
import com.gatehouse.api.notice.NoticeCommand.PinNotice;
import com.gatehouse.api.notice.NoticeCommand.PostNotice;
import com.gatehouse.api.notice.NoticeCommand.RecordNoticeView;
import com.gatehouse.api.notice.NoticeEvent.NoticeDeleted;
import com.gatehouse.api.notice.NoticeEvent.NoticeEdited;
import com.gatehouse.api.notice.NoticeEvent.NoticePinned;
import com.gatehouse.api.notice.NoticeEvent.NoticePosted;
import com.gatehouse.api.notice.NoticeEvent.NoticePublished;
import com.gatehouse.api.notice.NoticeEvent.NoticeViewed;
import com.gatehouse.api.notice.NoticeId;
import com.gatehouse.api.notice.NoticePriority;
import com.gatehouse.api.notice.NoticeType;
import com.gatehouse.command.common.TestClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.IgnoreField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.gatehouse.command.common.Problems.problem;

class NoticeTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LATER = Duration.ofHours(2);
    static final SocietyId SOCIETY = SocietyId.random();
    static final SocietyId OTHER_SOCIETY = SocietyId.random();
    static final UserId AUTHOR = UserId.random();
    static final UserId OTHER_ADMIN = UserId.random();
    static final UserId RESIDENT = UserId.random();
    static final UUID IMAGE = UUID.randomUUID();

    private final NoticeId id = new NoticeId(UUID.randomUUID());
    private AggregateTestFixture<Notice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notice.class);
        fixture.registerInjectableResource(TestClock.following(fixture::currentTime));
        fixture.registerFieldFilter(new IgnoreField(NoticePosted.class, "publishScheduleId"));
        fixture.registerFieldFilter(new IgnoreField(NoticeEdited.class, "publishScheduleId"));
    }

    private static Content content(Instant publishAt, Instant expiresAt) {
        return new Content(NoticeType.MAINTENANCE, null, " Water off ", " Tank cleaning, 10 to 12 ", List.of(IMAGE, IMAGE),
                List.of(), publishAt, expiresAt);
    }

    private static Content stored(Instant publishAt, Instant expiresAt) {
        return new Content(NoticeType.MAINTENANCE, NoticePriority.MEDIUM, "Water off", "Tank cleaning, 10 to 12",
                List.of(IMAGE), List.of(), publishAt, expiresAt);
    }

    @Test
    void aNoticeWithoutAPublicationTimeIsPublishedAtOnce() {
        fixture.givenCurrentTime(T0)
                .when(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), true))
                .expectEvents(new NoticePosted(id, SOCIETY, AUTHOR, stored(T0, null), true, T0, null),
                        new NoticePublished(id, SOCIETY, T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aNoticeForLaterIsScheduled() {
        fixture.givenCurrentTime(T0)
                .when(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .expectEvents(new NoticePosted(id, SOCIETY, AUTHOR, stored(T0.plus(LATER), null), false, T0, "s"))
                .expectScheduledDeadlineWithName(LATER, Notice.PUBLISH);
    }

    @Test
    void aScheduledNoticeIsPublishedAtItsTime() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .whenTimeElapses(LATER)
                .expectTriggeredDeadlinesWithName(Notice.PUBLISH)
                .expectEvents(new NoticePublished(id, SOCIETY, T0.plus(LATER)));
    }

    @Test
    void anExpiryNotAfterThePublicationIsRefused() {
        fixture.givenCurrentTime(T0)
                .when(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), T0.plus(LATER)), false))
                .expectException(problem(Problem.Kind.INVALID, "expiresAt"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aNoticeNeedsATitle() {
        fixture.givenCurrentTime(T0)
                .when(new PostNotice(id, SOCIETY, AUTHOR, new Content(NoticeType.GENERAL, null, "  ", "x", null, null,
                        null, null), false))
                .expectException(problem(Problem.Kind.INVALID, "title"));
    }

    @Test
    void anotherAdminMovesAScheduledNoticeAndTheDeadlineMovesWithIt() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .when(new EditNotice(id, SOCIETY, OTHER_ADMIN, content(T0.plus(LATER.multipliedBy(2)), null)))
                .expectEvents(new NoticeEdited(id, SOCIETY, OTHER_ADMIN, stored(T0.plus(LATER.multipliedBy(2)), null),
                        T0, "s"))
                .expectScheduledDeadlineWithName(LATER.multipliedBy(2), Notice.PUBLISH)
                .expectNoScheduledDeadlineWithName(LATER, Notice.PUBLISH);
    }

    @Test
    void editingAScheduledNoticeToNowPublishesIt() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .when(new EditNotice(id, SOCIETY, OTHER_ADMIN, content(T0, null)))
                .expectEvents(new NoticeEdited(id, SOCIETY, OTHER_ADMIN, stored(T0, null), T0, null),
                        new NoticePublished(id, SOCIETY, T0))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPublishedNoticeKeepsItsPublicationTimeWhenEdited() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), false))
                .when(new EditNotice(id, SOCIETY, OTHER_ADMIN, content(T0.plus(LATER), null)))
                .expectEvents(new NoticeEdited(id, SOCIETY, OTHER_ADMIN, stored(T0, null), T0, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void deletingAScheduledNoticeMeansItIsNeverPublished() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .when(new DeleteNotice(id, SOCIETY, OTHER_ADMIN))
                .expectEvents(new NoticeDeleted(id, SOCIETY, OTHER_ADMIN, T0))
                .expectNoScheduledDeadlines()
                .expectMarkedDeleted();
    }

    @Test
    void pinningTwiceChangesNothingTheSecondTime() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), false),
                        new PinNotice(id, SOCIETY, OTHER_ADMIN, true))
                .when(new PinNotice(id, SOCIETY, OTHER_ADMIN, true))
                .expectNoEvents();
    }

    @Test
    void anAdminPinsANotice() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), false))
                .when(new PinNotice(id, SOCIETY, OTHER_ADMIN, true))
                .expectEvents(new NoticePinned(id, SOCIETY, OTHER_ADMIN, true, T0));
    }

    @Test
    void anotherSocietysAdminFindsNoNotice() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), false))
                .when(new EditNotice(id, OTHER_SOCIETY, OTHER_ADMIN, content(null, null)))
                .expectException(problem(Problem.Kind.NOT_FOUND, "Notice"));
    }

    @Test
    void aViewOfAScheduledNoticeIsNotRecorded() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(T0.plus(LATER), null), false))
                .when(new RecordNoticeView(id, SOCIETY, RESIDENT))
                .expectNoEvents();
    }

    @Test
    void aViewOfAPublishedNoticeIsRecorded() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new PostNotice(id, SOCIETY, AUTHOR, content(null, null), false))
                .when(new RecordNoticeView(id, SOCIETY, RESIDENT))
                .expectEvents(new NoticeViewed(id, SOCIETY, RESIDENT, T0));
    }
}
