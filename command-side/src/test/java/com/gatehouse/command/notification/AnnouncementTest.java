package com.gatehouse.command.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.AnnouncementCommand.MakeAnnouncement;
import com.gatehouse.api.notification.AnnouncementEvent.AnnouncementMade;
import com.gatehouse.api.notification.AnnouncementId;
import com.gatehouse.api.notification.AnnouncementView;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

class AnnouncementTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final SocietyId SOCIETY = SocietyId.random();
    private static final UserId ADMIN = UserId.random();
    private static final AnnouncementId ID = new AnnouncementId(UUID.randomUUID());

    private AggregateTestFixture<Announcement> fixture;

    /** The directory lookup as the command side keeps it; only societyExists matters here. */
    private static final class KnownSociety extends DirectoryLookup {
        KnownSociety() {
            super(null);
        }

        @Override
        public boolean societyExists(SocietyId society) {
            return SOCIETY.equals(society);
        }
    }

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture = new AggregateTestFixture<>(Announcement.class);
        fixture.registerAnnotatedCommandHandler(new AnnouncementDesk(fixture.getRepository(),
                FixtureEventStores.asStored(fixture.getEventStore()),
                new KnownSociety(), clock));
    }

    @Test
    void anAdminAnnouncesToTheSociety() {
        fixture.givenNoPriorActivity()
                .when(new MakeAnnouncement(ID, SOCIETY, "  Water off  ", "Tomorrow 10-12", ADMIN))
                .expectEvents(new AnnouncementMade(ID, SOCIETY, "Water off", "Tomorrow 10-12", ADMIN, NOW))
                .expectResultMessagePayload(new AnnouncementView(ID.value(), SOCIETY.value(), "Water off",
                        "Tomorrow 10-12", ADMIN.value(), NOW));
    }

    @Test
    void aRetriedAnnouncementAnswersTheFirstAndAnnouncesNothingNew() {
        fixture.given(new AnnouncementMade(ID, SOCIETY, "Water off", "Tomorrow 10-12", ADMIN, NOW.minusSeconds(30)))
                .when(new MakeAnnouncement(ID, SOCIETY, "Water off", "Tomorrow 10-12", ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(new AnnouncementView(ID.value(), SOCIETY.value(), "Water off",
                        "Tomorrow 10-12", ADMIN.value(), NOW.minusSeconds(30)));
    }

    @Test
    void anUnknownSocietyIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new MakeAnnouncement(ID, SocietyId.random(), "Water off", "Tomorrow", ADMIN))
                .expectNoEvents()
                .expectException(Problem.class)
                .expectExceptionMessage("Society not found");
    }

    @Test
    void aBlankMessageIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new MakeAnnouncement(ID, SOCIETY, "Water off", "   ", ADMIN))
                .expectNoEvents()
                .expectException(Problem.class);
    }
}
