package com.gatehouse.projection.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.delivery.DeliveryViews.AutoApproveRuleView;
import com.gatehouse.api.delivery.DeliveryViews.ExpectedDeliveryView;
import com.gatehouse.api.delivery.ExpectedDeliveryStatus;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.instant;

/** The expected-delivery and auto-approve-rule tables: written by {@link DeliveryProjection}, read by the query side. */
@Repository
public class DeliveryReadModel {

    static final ObjectMapper JSON = new ObjectMapper();

    static final RowMapper<ExpectedDeliveryView> EXPECTED = (rs, i) -> {
        ExpectedDeliveryStatus status = ExpectedDeliveryStatus.valueOf(rs.getString("status"));
        return new ExpectedDeliveryView(rs.getObject("id", UUID.class), rs.getObject("society_id", UUID.class),
                rs.getObject("flat_id", UUID.class), rs.getObject("created_by_id", UUID.class),
                ProviderTag.valueOf(rs.getString("company")), rs.getString("item_name"),
                rs.getDate("expected_date").toLocalDate(), time(rs.getTime("time_from")), time(rs.getTime("time_until")),
                status, status == ExpectedDeliveryStatus.CLAIMED, rs.getObject("claimed_by_request_id", UUID.class),
                instant(rs, "used_at"), instant(rs, "created_at"));
    };

    static final RowMapper<AutoApproveRuleView> RULE = (rs, i) -> new AutoApproveRuleView(
            rs.getObject("id", UUID.class), rs.getObject("society_id", UUID.class), rs.getObject("flat_id", UUID.class),
            rs.getObject("created_by_id", UUID.class),
            read(rs.getString("companies"), new TypeReference<Set<ProviderTag>>() { }),
            read(rs.getString("allowed_days"), new TypeReference<Set<DayOfWeek>>() { }),
            time(rs.getTime("time_from")), time(rs.getTime("time_until")), rs.getBoolean("active"),
            instant(rs, "created_at"), instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public DeliveryReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ExpectedDeliveryView> expected(UUID id) {
        return jdbc.query("select * from expected_delivery where id = ?", EXPECTED, id).stream().findFirst();
    }

    /** A flat's expected deliveries (of one status, when given), soonest first. */
    public PageRequest.Slice<ExpectedDeliveryView> expectedOfFlat(UUID societyId, UUID flatId,
                                                                 ExpectedDeliveryStatus status, PageRequest page) {
        var where = Where.is("society_id", societyId).and("flat_id = ?", flatId)
                .and("status = ?", status == null ? null : status.name());
        return Paging.slice(jdbc, "expected_delivery", where, "expected_date, time_from nulls first, id", EXPECTED, page);
    }

    /** The flat's deliveries of a company still expected on a day, oldest first. */
    public List<ExpectedDeliveryView> claimable(UUID societyId, UUID flatId, ProviderTag company, LocalDate date) {
        return jdbc.query("""
                        select * from expected_delivery where society_id = ? and flat_id = ? and company = ?
                        and expected_date = ? and status = 'EXPECTED' order by created_at, id""",
                EXPECTED, societyId, flatId, company.name(), Date.valueOf(date));
    }

    public Optional<AutoApproveRuleView> rule(UUID id) {
        return jdbc.query("select * from auto_approve_rule where id = ?", RULE, id).stream().findFirst();
    }

    public PageRequest.Slice<AutoApproveRuleView> rulesOfFlat(UUID societyId, UUID flatId, PageRequest page) {
        return Paging.slice(jdbc, "auto_approve_rule", Where.is("society_id", societyId).and("flat_id = ?", flatId),
                "created_at, id", RULE, page);
    }

    public List<AutoApproveRuleView> activeRules(UUID flatId) {
        return jdbc.query("select * from auto_approve_rule where flat_id = ? and active order by created_at, id", RULE,
                flatId);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Time sqlTime(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }

    private static LocalTime time(Time time) {
        return time == null ? null : time.toLocalTime();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON " + json, e);
        }
    }
}
