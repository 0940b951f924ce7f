package com.gatehouse.command.vendor;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.vendor.VendorCommand.AddVendor;
import com.gatehouse.api.vendor.VendorCommand.RateVendor;
import com.gatehouse.api.vendor.VendorCommand.SetVendorActive;
import com.gatehouse.api.vendor.VendorCommand.UpdateVendor;
import com.gatehouse.api.vendor.VendorCommand.VerifyVendor;
import com.gatehouse.api.vendor.VendorDetails;
import com.gatehouse.api.vendor.VendorEvent.VendorActiveSet;
import com.gatehouse.api.vendor.VendorEvent.VendorAdded;
import com.gatehouse.api.vendor.VendorEvent.VendorRated;
import com.gatehouse.api.vendor.VendorEvent.VendorUpdated;
import com.gatehouse.api.vendor.VendorEvent.VendorVerified;
import com.gatehouse.api.vendor.VendorId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static com.gatehouse.api.common.Texts.blankToNull;

/**
 * A vendor of a society's directory and its ratings: one rating per resident (a second replaces the first), so
 * the average and count are decided here, one rating at a time, and carried in each {@link VendorRated}. A
 * deactivated vendor takes no new ratings (409). A command from another society answers 404.
 */
@Aggregate
public class Vendor {

    @AggregateIdentifier
    private VendorId id;
    private SocietyId society;
    private VendorDetails details;
    private boolean verified;
    private boolean active;
    private final Map<UserId, Integer> ratings = new HashMap<>();
    private final Map<UserId, String> reviews = new HashMap<>();

    protected Vendor() {
    }

    @CommandHandler
    public Vendor(AddVendor cmd, Clock clock) {
        apply(new VendorAdded(cmd.vendorId(), cmd.societyId(), cmd.by(), valid(cmd.vendorId(), cmd.details()), now(clock)));
    }

    @CommandHandler
    public void handle(UpdateVendor cmd, Clock clock) {
        requireSociety(cmd.societyId());
        VendorDetails changed = valid(id, cmd.details());
        if (!changed.equals(details)) {
            apply(new VendorUpdated(id, society, changed, now(clock)));
        }
    }

    @CommandHandler
    public void handle(VerifyVendor cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (cmd.verified() != verified) {
            apply(new VendorVerified(id, society, cmd.verified(), cmd.by(), now(clock)));
        }
    }

    @CommandHandler
    public void handle(SetVendorActive cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (cmd.active() != active) {
            apply(new VendorActiveSet(id, society, cmd.active(), now(clock)));
        }
    }

    @CommandHandler
    public void handle(RateVendor cmd, Clock clock) {
        requireSociety(cmd.societyId());
        if (!active) {
            throw Problem.conflict(details.name() + " is no longer in the directory");
        }
        if (cmd.rating() < 1 || cmd.rating() > 5) {
            throw Problem.invalid("rating", "must be 1 to 5");
        }
        String review = cmd.review() == null || cmd.review().isBlank() ? null : cmd.review().strip();
        Integer previous = ratings.get(cmd.by());
        if (previous != null && previous == cmd.rating() && Objects.equals(review, reviews.get(cmd.by()))) {
            return;
        }
        var after = new HashMap<>(ratings);
        after.put(cmd.by(), cmd.rating());
        int sum = after.values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(after.size()), 2, RoundingMode.HALF_UP);
        apply(new VendorRated(id, society, cmd.by(), cmd.rating(), review, previous, average, after.size(), now(clock)));
    }

    /** The details as kept: stripped, blanks as null, named by the vendor's id (refuses, 400, what is missing). */
    static VendorDetails valid(VendorId vendorId, VendorDetails details) {
        Objects.requireNonNull(details, "details");
        if (details.name() == null || details.name().isBlank()) {
            throw Problem.invalid("name", "must not be blank");
        }
        if (details.category() == null) {
            throw Problem.invalid("category", "must not be null");
        }
        if (details.phone() == null || details.phone().isBlank()) {
            throw Problem.invalid("phone", "must not be blank");
        }
        if (details.hourlyRate() != null && details.hourlyRate().signum() < 0) {
            throw Problem.invalid("hourlyRate", "must not be negative");
        }
        if (details.minCharge() != null && details.minCharge().signum() < 0) {
            throw Problem.invalid("minCharge", "must not be negative");
        }
        return new VendorDetails(vendorId, details.name().strip(), details.category(), details.phone().strip(),
                blankToNull(details.email()), blankToNull(details.alternatePhone()), blankToNull(details.companyName()),
                blankToNull(details.description()), blankToNull(details.address()), details.workingDays(),
                blankToNull(details.workingHours()), details.hourlyRate(), details.minCharge());
    }

    private void requireSociety(SocietyId callerSociety) {
        if (!society.equals(callerSociety)) {
            throw Problem.notFound("Vendor");
        }
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(VendorAdded event) {
        id = event.vendorId();
        society = event.societyId();
        details = event.details();
        active = true;
    }

    @EventSourcingHandler
    void on(VendorUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(VendorVerified event) {
        verified = event.verified();
    }

    @EventSourcingHandler
    void on(VendorActiveSet event) {
        active = event.active();
    }

    @EventSourcingHandler
    void on(VendorRated event) {
        ratings.put(event.by(), event.rating());
        reviews.put(event.by(), event.review());
    }
}
