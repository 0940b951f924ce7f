package com.gatehouse.projection.amenity;

import com.gatehouse.api.amenity.AmenityType;
import com.gatehouse.api.amenity.AmenityViews.AmenityView;
import com.gatehouse.api.amenity.AmenityViews.BookingView;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The amenity tables: written by {@link AmenityProjection}, read by the query side. */
@Repository
public class AmenityReadModel {

    static final RowMapper<AmenityView> AMENITY = (rs, i) -> new AmenityView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("name"), AmenityType.valueOf(rs.getString("type")),
            rs.getString("description"), rs.getObject("capacity", Integer.class), rs.getString("open_time"),
            rs.getString("close_time"), rs.getInt("slot_minutes"), rs.getInt("advance_booking_days"),
            rs.getInt("max_bookings_per_user"), rs.getBigDecimal("price_per_hour"), rs.getBoolean("requires_approval"),
            rs.getBoolean("active"), instant(rs, "created_at"), instant(rs, "updated_at"));

    static final RowMapper<BookingView> BOOKING = (rs, i) -> new BookingView(rs.getObject("id", UUID.class),
            rs.getObject("amenity_id", UUID.class), rs.getString("amenity_name"), rs.getObject("society_id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getObject("flat_id", UUID.class),
            rs.getDate("booking_date").toLocalDate().toString(), rs.getString("start_time"), rs.getString("end_time"),
            BookingStatus.valueOf(rs.getString("status")), rs.getInt("guest_count"), rs.getString("purpose"),
            rs.getBigDecimal("amount"), rs.getObject("approved_by_id", UUID.class), instant(rs, "approved_at"),
            rs.getObject("cancelled_by_id", UUID.class), instant(rs, "cancelled_at"),
            rs.getString("cancellation_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public AmenityReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AmenityView> amenity(UUID id) {
        return jdbc.query("select * from amenity where id = ?", AMENITY, id).stream().findFirst();
    }

    /** A society's amenities by name; only of one type, only (in)active ones when given. */
    public PageRequest.Slice<AmenityView> amenities(UUID societyId, AmenityType type, Boolean active, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("type = ?", type == null ? null : type.name())
                .and("active = ?", active);
        return Paging.slice(jdbc, "amenity", where, "name, id", AMENITY, page);
    }

    public Optional<BookingView> booking(UUID id) {
        return jdbc.query("select * from amenity_booking where id = ?", BOOKING, id).stream().findFirst();
    }

    /** What a booking list may be narrowed to; null fields do not filter. */
    public record BookingFilter(UUID userId, UUID amenityId, BookingStatus status, LocalDate date) {
    }

    /** A society's bookings, newest first. */
    public PageRequest.Slice<BookingView> bookings(UUID societyId, BookingFilter filter, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("user_id = ?", filter.userId())
                .and("amenity_id = ?", filter.amenityId())
                .and("status = ?", filter.status() == null ? null : filter.status().name())
                .and("booking_date = ?", filter.date() == null ? null : Date.valueOf(filter.date()));
        return Paging.slice(jdbc, "amenity_booking", where, "created_at desc, id", BOOKING, page);
    }

    /** The PENDING and CONFIRMED bookings of an amenity on a date, by start time. */
    public List<BookingView> activeBookingsOn(UUID amenityId, LocalDate date) {
        return jdbc.query("""
                select * from amenity_booking where amenity_id = ? and booking_date = ?
                and status in ('PENDING', 'CONFIRMED') order by start_time""", BOOKING, amenityId, Date.valueOf(date));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
