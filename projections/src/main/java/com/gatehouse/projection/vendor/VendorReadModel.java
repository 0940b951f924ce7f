package com.gatehouse.projection.vendor;

import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.vendor.VendorCategory;
import com.gatehouse.api.vendor.VendorViews.RatingView;
import com.gatehouse.api.vendor.VendorViews.VendorView;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The vendor tables: written by {@link VendorProjection}, read by the query side. */
@Repository
public class VendorReadModel {

    static final RowMapper<VendorView> VENDOR = (rs, i) -> new VendorView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("name"),
            VendorCategory.valueOf(rs.getString("category")), rs.getString("phone"), rs.getString("email"),
            rs.getString("alternate_phone"), rs.getString("company_name"), rs.getString("description"),
            rs.getString("address"), strings(rs, "working_days"), rs.getString("working_hours"),
            rs.getBigDecimal("hourly_rate"), rs.getBigDecimal("min_charge"), rs.getBoolean("verified"),
            instant(rs, "verified_at"), rs.getBigDecimal("rating"), rs.getInt("total_reviews"),
            rs.getBoolean("active"), rs.getObject("added_by_id", UUID.class), instant(rs, "created_at"),
            instant(rs, "updated_at"), rs.getBoolean("erased"));

    static final RowMapper<RatingView> RATING = (rs, i) -> new RatingView(rs.getObject("vendor_id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getInt("rating"), rs.getString("review"), instant(rs, "rated_at"));

    static final String ORDER = "verified desc, rating desc, name, id";

    private final JdbcTemplate jdbc;

    public VendorReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VendorView> vendor(UUID id) {
        return jdbc.query("select * from vendor where id = ?", VENDOR, id).stream().findFirst();
    }

    public Optional<RatingView> rating(UUID vendorId, UUID userId) {
        return jdbc.query("select * from vendor_rating where vendor_id = ? and user_id = ?", RATING, vendorId, userId)
                .stream().findFirst();
    }

    /** A society's vendors, verified first, then by rating and name; null filters do not filter. */
    public PageRequest.Slice<VendorView> vendors(UUID societyId, VendorCategory category, Boolean verified,
                                                 Boolean active, PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("category = ?", category == null ? null : category.name())
                .and("verified = ?", verified)
                .and("active = ?", active);
        return Paging.slice(jdbc, "vendor", where, ORDER, VENDOR, page);
    }

    /** Every active vendor of a society, in list order (grouped by category by the caller). */
    public List<VendorView> activeVendors(UUID societyId) {
        return jdbc.query("select * from vendor where society_id = ? and active order by category, " + ORDER, VENDOR,
                societyId);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
