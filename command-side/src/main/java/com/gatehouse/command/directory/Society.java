package com.gatehouse.command.directory;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A gated community and its flats. A flat's block and number are unique within the society. */
@Aggregate
public class Society {

    @AggregateIdentifier
    private SocietyId id;
    private final Set<String> flatAddresses = new HashSet<>();

    protected Society() {
    }

    @CommandHandler
    public Society(CreateSociety cmd, Clock clock, DirectoryLookup lookup) {
        var zone = com.gatehouse.api.directory.SocietyTimeZones.parse("timeZone", cmd.timeZone());
        lookup.recordSociety(cmd.societyId());
        apply(new SocietyCreated(cmd.societyId(), cmd.name().strip(), cmd.city().strip(), clock.instant(), zone.getId()));
    }

    @CommandHandler
    public void handle(AddFlat cmd, Clock clock, DirectoryLookup lookup) {
        if (flatAddresses.contains(address(cmd.block(), cmd.number()))) {
            throw Problem.conflict("Flat " + cmd.block().strip() + "-" + cmd.number().strip()
                    + " already exists in this society");
        }
        lookup.recordFlat(cmd.flatId(), id);
        apply(new FlatAdded(id, cmd.flatId(), cmd.block().strip(), cmd.number().strip(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SocietyCreated event) {
        id = event.societyId();
    }

    @EventSourcingHandler
    void on(FlatAdded event) {
        flatAddresses.add(address(event.block(), event.number()));
    }

    private static String address(String block, String number) {
        return block.strip().toUpperCase(Locale.ROOT) + "\u0000" + number.strip().toUpperCase(Locale.ROOT);
    }
}
