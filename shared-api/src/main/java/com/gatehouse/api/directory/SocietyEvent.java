package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;

import java.time.Instant;
import java.util.UUID;

/** What happened to a society. */
public sealed interface SocietyEvent {

    SocietyId societyId();

    /** {@code timeZone}: an IANA zone id, always set since societies have zones; {@code null} in older events. */
    record SocietyCreated(SocietyId societyId, String name, String city, Instant createdAt, String timeZone)
            implements SocietyEvent {
    }

    /** {@code floor}: null when not given (and in older events). */
    record FlatAdded(SocietyId societyId, FlatId flatId, String block, String number, Instant addedAt, Integer floor)
            implements SocietyEvent {

        public FlatAdded(SocietyId societyId, FlatId flatId, String block, String number, Instant addedAt) {
            this(societyId, flatId, block, number, addedAt, null);
        }
    }

    /**
     * The society's details as they are after the change (every field, null = none). The contact is the society
     * office's (a role such as "Secretary, Green Meadows RWA" and its office line), business data of the society and
     * not a person's account: it is not filed under a data subject.
     */
    record SocietyDetailsChanged(SocietyId societyId, String name, String city, String address, String state,
                                 String pincode, String contactName, String contactPhone, String contactEmail,
                                 Instant changedAt) implements SocietyEvent {
    }

    /** {@code timeZone}: the IANA region every day and hour of the society is counted in from now on. */
    record SocietyTimeZoneChanged(SocietyId societyId, String timeZone, Instant changedAt) implements SocietyEvent {
    }

    /** Members of an inactive society are refused every request (403) until it is reactivated. */
    record SocietyDeactivated(SocietyId societyId, Instant deactivatedAt) implements SocietyEvent {
    }

    record SocietyReactivated(SocietyId societyId, Instant reactivatedAt) implements SocietyEvent {
    }

    /** A block declared with its floors ({@code blockId} = {@link Blocks#idOf}); its flats follow as FlatAdded. */
    record BlockAdded(SocietyId societyId, UUID blockId, String name, int floors, Instant addedAt)
            implements SocietyEvent {
    }
}
