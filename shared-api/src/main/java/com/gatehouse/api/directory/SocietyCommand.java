package com.gatehouse.api.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What can be asked of a society: it is created, then it grows blocks and flats and is administered. */
public sealed interface SocietyCommand {

    /** {@code timeZone}: an IANA zone id; {@code null} means {@link SocietyTimeZones#DEFAULT}. */
    record CreateSociety(@TargetAggregateIdentifier SocietyId societyId, String name, String city, String timeZone)
            implements SocietyCommand {

        public CreateSociety(SocietyId societyId, String name, String city) {
            this(societyId, name, city, null);
        }
    }

    /** {@code floor}: optional (0 = ground floor); within the block's floors when the block was declared with them. */
    record AddFlat(@TargetAggregateIdentifier SocietyId societyId, FlatId flatId, String block, String number,
                   Integer floor) implements SocietyCommand {

        public AddFlat(SocietyId societyId, FlatId flatId, String block, String number) {
            this(societyId, flatId, block, number, null);
        }
    }

    /**
     * Changes what is given (null = unchanged; an empty optional text clears it): name and city (never blank), the
     * address and the office's contact, the time zone (an IANA region), and whether the society is active (members
     * of an inactive society are refused everything).
     */
    record UpdateSociety(@TargetAggregateIdentifier SocietyId societyId, String name, String city, String address,
                         String state, String pincode, String contactName, String contactPhone, String contactEmail,
                         String timeZone, Boolean active) implements SocietyCommand {
    }

    /** A block with its floors and its flats, in one go (each flat's floor within 0..floors). */
    record AddBlock(@TargetAggregateIdentifier SocietyId societyId, String name, int floors, List<NewFlat> flats)
            implements SocietyCommand {
    }

    record NewFlat(FlatId flatId, String number, Integer floor) {
    }
}
