package com.gatehouse.command.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.AnnouncementCommand.MakeAnnouncement;
import com.gatehouse.api.notification.AnnouncementEvent.AnnouncementMade;
import com.gatehouse.api.notification.AnnouncementId;
import com.gatehouse.api.notification.AnnouncementView;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A notice from a society's admin to every member of the society ("water off tomorrow 10-12").
 * Made once; {@link AnnouncementNotifier} turns it into one SYSTEM notification per active member.
 * Created through {@link AnnouncementDesk}, which answers a retried request with the first result.
 */
@Aggregate
public class Announcement {

    public static final int MAX_TITLE = 120;
    public static final int MAX_MESSAGE = 2000;

    @AggregateIdentifier
    private AnnouncementId id;
    private SocietyId society;
    private String title;
    private String message;
    private UserId by;
    private Instant madeAt;

    protected Announcement() {
    }

    Announcement(MakeAnnouncement cmd, Clock clock) {
        String title = cmd.title() == null ? "" : cmd.title().strip();
        String message = cmd.message() == null ? "" : cmd.message().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw Problem.invalid("title", "must be 1 to " + MAX_TITLE + " characters");
        }
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            throw Problem.invalid("message", "must be 1 to " + MAX_MESSAGE + " characters");
        }
        apply(new AnnouncementMade(cmd.announcementId(), cmd.societyId(), title, message, cmd.by(), clock.instant()));
    }

    AnnouncementView view() {
        return new AnnouncementView(id.value(), society.value(), title, message, by.value(), madeAt);
    }

    @EventSourcingHandler
    void on(AnnouncementMade event) {
        id = event.announcementId();
        society = event.societyId();
        title = event.title();
        message = event.message();
        by = event.by();
        madeAt = event.madeAt();
    }
}
