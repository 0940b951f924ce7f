package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a society: it is created, then it grows flats. */
public sealed interface SocietyCommand {

    record CreateSociety(@TargetAggregateIdentifier SocietyId societyId, String name, String city)
            implements SocietyCommand {
    }

    record AddFlat(@TargetAggregateIdentifier SocietyId societyId, FlatId flatId, String block, String number)
            implements SocietyCommand {
    }
}
