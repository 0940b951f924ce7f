package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;

import java.time.Instant;

/** What happened to a society. */
public sealed interface SocietyEvent {

    SocietyId societyId();

    record SocietyCreated(SocietyId societyId, String name, String city, Instant createdAt) implements SocietyEvent {
    }

    record FlatAdded(SocietyId societyId, FlatId flatId, String block, String number, Instant addedAt)
            implements SocietyEvent {
    }
}
