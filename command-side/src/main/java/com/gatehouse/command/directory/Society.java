package com.gatehouse.command.directory;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.api.directory.SocietyCommand.AddBlock;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.SocietyCommand.NewFlat;
import com.gatehouse.api.directory.SocietyCommand.UpdateSociety;
import com.gatehouse.api.directory.SocietyEvent.BlockAdded;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import com.gatehouse.api.directory.SocietyEvent.SocietyDeactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyDetailsChanged;
import com.gatehouse.api.directory.SocietyEvent.SocietyReactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyTimeZoneChanged;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.common.Texts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A gated community: its details, time zone and active flag, its blocks (with floors) and flats. A flat's block
 * and number are unique within the society, and so is a declared block's name.
 */
@Aggregate
public class Society {

    /** The most floors a block may declare, and flats one bulk creation may carry. */
    static final int MAX_FLOORS = 200;
    static final int MAX_FLATS_PER_BLOCK = 500;

    @AggregateIdentifier
    private SocietyId id;
    private final Set<String> flatAddresses = new HashSet<>();
    /** Declared blocks (by normalised name) and their floors. */
    private final Map<String, Integer> blockFloors = new HashMap<>();
    private Details details;
    private String timeZone;
    private boolean active = true;

    private record Details(String name, String city, String address, String state, String pincode,
                           String contactName, String contactPhone, String contactEmail) {
    }

    protected Society() {
    }

    @CommandHandler
    public Society(CreateSociety cmd, Clock clock, DirectoryLookup lookup) {
        var zone = SocietyTimeZones.parse("timeZone", cmd.timeZone());
        lookup.recordSociety(cmd.societyId());
        apply(new SocietyCreated(cmd.societyId(), cmd.name().strip(), cmd.city().strip(), clock.instant(), zone.getId()));
    }

    @CommandHandler
    public void handle(AddFlat cmd, Clock clock, DirectoryLookup lookup) {
        String block = Texts.required("block", cmd.block());
        String number = Texts.required("number", cmd.number());
        if (flatAddresses.contains(address(block, number))) {
            throw Problem.conflict("Flat " + block + "-" + number + " already exists in this society");
        }
        Integer floors = blockFloors.get(key(block));
        requireFloor("floor", cmd.floor(), floors);
        lookup.recordFlat(cmd.flatId(), id);
        apply(new FlatAdded(id, cmd.flatId(), block, number, clock.instant(), cmd.floor()));
    }

    @CommandHandler
    public void handle(AddBlock cmd, Clock clock, DirectoryLookup lookup) {
        String name = Texts.required("name", cmd.name());
        if (cmd.floors() < 1 || cmd.floors() > MAX_FLOORS) {
            throw Problem.invalid("floors", "must be between 1 and " + MAX_FLOORS);
        }
        if (cmd.flats() == null || cmd.flats().isEmpty() || cmd.flats().size() > MAX_FLATS_PER_BLOCK) {
            throw Problem.invalid("flats", "must hold 1 to " + MAX_FLATS_PER_BLOCK + " flats");
        }
        if (blockFloors.containsKey(key(name))) {
            throw Problem.conflict("Block " + name + " already exists in this society");
        }
        Set<String> numbers = new HashSet<>();
        for (NewFlat flat : cmd.flats()) {
            String number = Texts.required("flats.number", flat.number());
            if (!numbers.add(key(number))) {
                throw Problem.invalid("flats", "flat " + number + " is listed twice");
            }
            if (flatAddresses.contains(address(name, number))) {
                throw Problem.conflict("Flat " + name + "-" + number + " already exists in this society");
            }
            requireFloor("flats.floor", flat.floor(), cmd.floors());
        }
        Instant now = clock.instant();
        apply(new BlockAdded(id, Blocks.idOf(id.value(), name), name, cmd.floors(), now));
        for (NewFlat flat : cmd.flats()) {
            lookup.recordFlat(flat.flatId(), id);
            apply(new FlatAdded(id, flat.flatId(), name, flat.number().strip(), now, flat.floor()));
        }
    }

    @CommandHandler
    public void handle(UpdateSociety cmd, Clock clock) {
        Instant now = clock.instant();
        var changed = new Details(
                cmd.name() == null ? details.name() : Texts.required("name", cmd.name()),
                cmd.city() == null ? details.city() : Texts.required("city", cmd.city()),
                given(cmd.address(), details.address()), given(cmd.state(), details.state()),
                given(cmd.pincode(), details.pincode()), given(cmd.contactName(), details.contactName()),
                given(cmd.contactPhone(), details.contactPhone()), given(cmd.contactEmail(), details.contactEmail()));
        String zone = cmd.timeZone() == null ? timeZone : SocietyTimeZones.parse("timeZone", cmd.timeZone()).getId();
        if (!changed.equals(details)) {
            apply(new SocietyDetailsChanged(id, changed.name(), changed.city(), changed.address(), changed.state(),
                    changed.pincode(), changed.contactName(), changed.contactPhone(), changed.contactEmail(), now));
        }
        if (!Objects.equals(zone, timeZone)) {
            apply(new SocietyTimeZoneChanged(id, zone, now));
        }
        if (cmd.active() != null && cmd.active() != active) {
            apply(cmd.active() ? new SocietyReactivated(id, now) : new SocietyDeactivated(id, now));
        }
    }

    @EventSourcingHandler
    void on(SocietyCreated event) {
        id = event.societyId();
        details = new Details(event.name(), event.city(), null, null, null, null, null, null);
        timeZone = event.timeZone() != null ? event.timeZone() : SocietyTimeZones.DEFAULT.getId();
    }

    @EventSourcingHandler
    void on(FlatAdded event) {
        flatAddresses.add(address(event.block(), event.number()));
    }

    @EventSourcingHandler
    void on(BlockAdded event) {
        blockFloors.put(key(event.name()), event.floors());
    }

    @EventSourcingHandler
    void on(SocietyDetailsChanged event) {
        details = new Details(event.name(), event.city(), event.address(), event.state(), event.pincode(),
                event.contactName(), event.contactPhone(), event.contactEmail());
    }

    @EventSourcingHandler
    void on(SocietyTimeZoneChanged event) {
        timeZone = event.timeZone();
    }

    @EventSourcingHandler
    void on(SocietyDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(SocietyReactivated event) {
        active = true;
    }

    /** An optional text of a change: null keeps {@code current}, blank clears it. */
    private static String given(String value, String current) {
        return value == null ? current : Texts.blankToNull(value);
    }

    private static void requireFloor(String field, Integer floor, Integer floors) {
        if (floor == null) {
            return;
        }
        if (floor < 0 || (floors != null && floor > floors) || floor > MAX_FLOORS) {
            throw Problem.invalid(field, "must be between 0 (ground) and "
                    + (floors != null ? floors + ", the block's floors" : MAX_FLOORS));
        }
    }

    private static String address(String block, String number) {
        return key(block) + "\u0000" + key(number);
    }

    private static String key(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }
}
