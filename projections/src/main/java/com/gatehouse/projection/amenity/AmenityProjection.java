package com.gatehouse.projection.amenity;

import static com.gatehouse.projection.common.Rows.ts;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.amenity.AmenityEvent.AmenityBooked;
import com.gatehouse.api.amenity.AmenityEvent.AmenityCreated;
import com.gatehouse.api.amenity.AmenityEvent.AmenityDeactivated;
import com.gatehouse.api.amenity.AmenityEvent.AmenityUpdated;
import com.gatehouse.api.amenity.AmenityEvent.BookingApproved;
import com.gatehouse.api.amenity.AmenityEvent.BookingCancelled;
import com.gatehouse.api.amenity.AmenityTerms;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Builds the amenity and booking read model, in the processor's transaction (JDBC). The amenity row is guarded by
 * the aggregate sequence number; a booking is inserted once and its status only moves forward. Emits amenities
 * and bookings to REST calls waiting for their change.
 */
@Component
@ProcessingGroup(AmenityProjection.GROUP)
public class AmenityProjection {

    public static final String GROUP = "amenities";
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcTemplate jdbc;

    public AmenityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AmenityCreated event, @SequenceNumber long version) {
        AmenityTerms t = event.terms();
        jdbc.update("""
                        insert into amenity (id, society_id, name, type, description, capacity, open_time, close_time,
                            slot_minutes, advance_booking_days, max_bookings_per_user, price_per_hour, requires_approval,
                            active, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?) on conflict do nothing""",
                event.amenityId().value(), event.societyId().value(), event.name(), event.type().name(),
                event.description(), t.capacity(), hhmm(t.openTime()), hhmm(t.closeTime()), t.slotMinutes(),
                t.advanceBookingDays(), t.maxBookingsPerUser(), t.pricePerHour(), t.requiresApproval(),
                ts(event.createdAt()), ts(event.createdAt()), version);
    }

    @EventHandler
    void on(AmenityUpdated event, @SequenceNumber long version) {
        AmenityTerms t = event.terms();
        jdbc.update("""
                        update amenity set name = ?, type = ?, description = ?, capacity = ?, open_time = ?,
                            close_time = ?, slot_minutes = ?, advance_booking_days = ?, max_bookings_per_user = ?,
                            price_per_hour = ?, requires_approval = ?, updated_at = ?, version = ?
                        where id = ? and version < ?""",
                event.name(), event.type().name(), event.description(), t.capacity(), hhmm(t.openTime()),
                hhmm(t.closeTime()), t.slotMinutes(), t.advanceBookingDays(), t.maxBookingsPerUser(),
                t.pricePerHour(), t.requiresApproval(), ts(event.updatedAt()), version, event.amenityId().value(),
                version);
    }

    @EventHandler
    void on(AmenityDeactivated event, @SequenceNumber long version) {
        jdbc.update("update amenity set active = false, updated_at = ?, version = ? where id = ? and version < ?",
                ts(event.deactivatedAt()), version, event.amenityId().value(), version);
    }

    @EventHandler
    void on(AmenityBooked event) {
        jdbc.update("""
                        insert into amenity_booking (id, amenity_id, amenity_name, society_id, user_id, flat_id,
                            booking_date, start_time, end_time, starts_at, ends_at, status, guest_count, purpose, amount,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.bookingId().value(), event.amenityId().value(), event.amenityName(), event.societyId().value(),
                event.userId().value(), event.flatId() == null ? null : event.flatId().value(),
                Date.valueOf(event.date()), hhmm(event.startTime()), hhmm(event.endTime()), ts(event.startsAt()),
                ts(event.endsAt()), event.status().name(), event.guestCount(), event.purpose(), event.amount(),
                ts(event.bookedAt()), ts(event.bookedAt()));
    }

    @EventHandler
    void on(BookingApproved event) {
        jdbc.update("""
                        update amenity_booking set status = 'CONFIRMED', approved_by_id = ?, approved_at = ?, updated_at = ?
                        where id = ? and status = 'PENDING'""",
                event.by().value(), ts(event.approvedAt()), ts(event.approvedAt()), event.bookingId().value());
    }

    @EventHandler
    void on(BookingCancelled event) {
        jdbc.update("""
                        update amenity_booking set status = 'CANCELLED', cancelled_by_id = ?, cancelled_at = ?,
                            cancellation_reason = ?, updated_at = ? where id = ? and status <> 'CANCELLED'""",
                event.by().value(), ts(event.cancelledAt()), event.reason(), ts(event.cancelledAt()),
                event.bookingId().value());
    }

    /** An erased user's bookings keep their slots (availability stays right), not the purpose they gave. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.USER) {
            jdbc.update("update amenity_booking set purpose = null where user_id = ?", event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate amenity, amenity_booking");
    }

    static String hhmm(LocalTime time) {
        return time.format(HH_MM);
    }
}
