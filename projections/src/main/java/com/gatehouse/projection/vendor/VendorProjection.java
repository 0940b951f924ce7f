package com.gatehouse.projection.vendor;

import static com.gatehouse.projection.common.Rows.ts;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.vendor.VendorDetails;
import com.gatehouse.api.vendor.VendorEvent.VendorActiveSet;
import com.gatehouse.api.vendor.VendorEvent.VendorAdded;
import com.gatehouse.api.vendor.VendorEvent.VendorRated;
import com.gatehouse.api.vendor.VendorEvent.VendorUpdated;
import com.gatehouse.api.vendor.VendorEvent.VendorVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the vendor directory and its ratings, in the processor's transaction (JDBC), guarded by the aggregate
 * sequence number: a re-delivered event changes nothing. The average and count come with each rating event.
 */
@Component
@ProcessingGroup(VendorProjection.GROUP)
public class VendorProjection {

    public static final String GROUP = "vendors";

    private final JdbcTemplate jdbc;

    public VendorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VendorAdded event, @SequenceNumber long version) {
        VendorDetails d = event.details();
        jdbc.update("""
                        insert into vendor (id, society_id, name, category, phone, email, alternate_phone, company_name,
                            description, address, working_days, working_hours, hourly_rate, min_charge, added_by_id,
                            created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.vendorId().value(), event.societyId().value(), d.name(), d.category().name(), d.phone(),
                d.email(), d.alternatePhone(), d.companyName(), d.description(), d.address(),
                d.workingDays().toArray(String[]::new), d.workingHours(), d.hourlyRate(), d.minCharge(),
                event.addedBy().value(), ts(event.addedAt()), ts(event.addedAt()), version);
    }

    @EventHandler
    void on(VendorUpdated event, @SequenceNumber long version) {
        VendorDetails d = event.details();
        jdbc.update("""
                        update vendor set name = ?, category = ?, phone = ?, email = ?, alternate_phone = ?,
                            company_name = ?, description = ?, address = ?, working_days = ?, working_hours = ?,
                            hourly_rate = ?, min_charge = ?, updated_at = ?, version = ? where id = ? and version < ?""",
                d.name(), d.category().name(), d.phone(), d.email(), d.alternatePhone(), d.companyName(),
                d.description(), d.address(), d.workingDays().toArray(String[]::new), d.workingHours(),
                d.hourlyRate(), d.minCharge(), ts(event.updatedAt()), version, event.vendorId().value(), version);
    }

    @EventHandler
    void on(VendorVerified event, @SequenceNumber long version) {
        jdbc.update("""
                        update vendor set verified = ?, verified_at = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.verified(), event.verified() ? ts(event.at()) : null, ts(event.at()), version,
                event.vendorId().value(), version);
    }

    @EventHandler
    void on(VendorActiveSet event, @SequenceNumber long version) {
        jdbc.update("update vendor set active = ?, updated_at = ?, version = ? where id = ? and version < ?",
                event.active(), ts(event.at()), version, event.vendorId().value(), version);
    }

    @EventHandler
    void on(VendorRated event, @SequenceNumber long version) {
        jdbc.update("""
                        update vendor set rating = ?, total_reviews = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.average(), event.count(), ts(event.ratedAt()), version, event.vendorId().value(), version);
        jdbc.update("""
                        insert into vendor_rating (vendor_id, user_id, rating, review, rated_at, version)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (vendor_id, user_id) do update set rating = excluded.rating, review = excluded.review,
                            rated_at = excluded.rated_at, version = excluded.version
                        where vendor_rating.version < excluded.version""",
                event.vendorId().value(), event.by().value(), event.rating(), event.review(), ts(event.ratedAt()),
                version);
        UUID vendor = event.vendorId().value();
        UUID user = event.by().value();
    }

    /** An erased vendor (filed under STAFF by vendor id) keeps category, rates and ratings, not name and contacts. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.STAFF) {
            jdbc.update("""
                    update vendor set name = null, phone = null, email = null, alternate_phone = null, address = null,
                        erased = true
                    where id = ?""", event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate vendor, vendor_rating");
    }
}
