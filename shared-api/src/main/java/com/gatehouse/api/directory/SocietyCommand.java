package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a society: it is created, then it grows flats. */
public sealed interface SocietyCommand {

    /** {@code timeZone}: an IANA zone id; {@code null} means {@link SocietyTimeZones#DEFAULT}. */
    record CreateSociety(@TargetAggregateIdentifier SocietyId societyId, String name, String city, String timeZone)
            implements SocietyCommand {

        public CreateSociety(SocietyId societyId, String name, String city) {
            this(societyId, name, city, null);
        }
    }

    record AddFlat(@TargetAggregateIdentifier SocietyId societyId, FlatId flatId, String block, String number)
            implements SocietyCommand {
    }
}
