package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of an announcement: a society's admin tells every member of the society something. */
public sealed interface AnnouncementCommand {

    /** Answers the {@link AnnouncementView}; the same id again answers the first one and announces nothing new. */
    record MakeAnnouncement(@TargetAggregateIdentifier AnnouncementId announcementId, SocietyId societyId,
                            String title, String message, UserId by) implements AnnouncementCommand {
    }
}
