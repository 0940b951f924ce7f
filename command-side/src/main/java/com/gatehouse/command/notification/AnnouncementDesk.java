package com.gatehouse.command.notification;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.notification.AnnouncementCommand.MakeAnnouncement;
import com.gatehouse.api.notification.AnnouncementView;
import com.gatehouse.command.directory.DirectoryLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Makes announcements idempotently: an id that already has events was made before (same caller, same
 * {@code Idempotency-Key}), so it answers that announcement as it is and announces nothing new.
 * The society must exist (checked with the command side's {@link DirectoryLookup}).
 */
@Component
public class AnnouncementDesk {

    private final Repository<Announcement> announcements;
    private final EventStore eventStore;
    private final DirectoryLookup lookup;
    private final Clock clock;

    public AnnouncementDesk(Repository<Announcement> announcements, EventStore eventStore, DirectoryLookup lookup,
                            Clock clock) {
        this.announcements = announcements;
        this.eventStore = eventStore;
        this.lookup = lookup;
        this.clock = clock;
    }

    @CommandHandler
    public AnnouncementView handle(MakeAnnouncement cmd) throws Exception {
        if (eventStore.lastSequenceNumberFor(cmd.announcementId().toString()).isPresent()) {
            return announcements.load(cmd.announcementId().toString()).invoke(Announcement::view);
        }
        if (!lookup.societyExists(cmd.societyId())) {
            throw Problem.notFound("Society");
        }
        return announcements.newInstance(() -> new Announcement(cmd, clock)).invoke(Announcement::view);
    }
}
