package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;

import java.time.Instant;

/** What happened to a society. */
public sealed interface SocietyEvent {

    SocietyId societyId();

    /** {@code timeZone}: an IANA zone id, always set since societies have zones; {@code null} in older events. */
    record SocietyCreated(SocietyId societyId, String name, String city, Instant createdAt, String timeZone)
            implements SocietyEvent {
    }

    record FlatAdded(SocietyId societyId, FlatId flatId, String block, String number, Instant addedAt)
            implements SocietyEvent {
    }
}
