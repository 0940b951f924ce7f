package com.gatehouse.api.notification;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;

import java.time.Instant;

/**
 * What happened to an announcement, before announcements became notices (issue 13). No longer produced; kept so
 * that stored events still read, and projected by the notice board as GENERAL notices published when made.
 */
public sealed interface AnnouncementEvent {

    AnnouncementId announcementId();

    /** {@code by} is the admin who announced it; every active member of the society is then notified. */
    record AnnouncementMade(AnnouncementId announcementId, SocietyId societyId, String title, String message,
                            UserId by, Instant madeAt) implements AnnouncementEvent {
    }
}
