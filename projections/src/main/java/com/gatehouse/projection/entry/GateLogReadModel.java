package com.gatehouse.projection.entry;

import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.entry.ProviderTag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.gatehouse.projection.entry.EntryRequestReadModel.enumOrNull;
import static com.gatehouse.projection.entry.EntryRequestReadModel.instant;

/** The gate-log table: written by {@link GateLogProjection}, read by the query side. */
@Repository
public class GateLogReadModel {

    /** A visitor with this many visits (same phone) to a flat within {@link #WINDOW} is frequent. */
    public static final int FREQUENT_AFTER = 3;
    public static final java.time.Duration WINDOW = java.time.Duration.ofDays(30);

    static final RowMapper<EntryView> ENTRY = (rs, i) -> new EntryView(rs.getObject("id", UUID.class),
            rs.getObject("entry_request_id", UUID.class), EntryType.valueOf(rs.getString("type")),
            rs.getString("visitor_name"), rs.getString("visitor_phone"),
            enumOrNull(ProviderTag.class, rs.getString("provider_tag")), rs.getString("photo_key"),
            rs.getObject("flat_id", UUID.class), rs.getObject("society_id", UUID.class),
            rs.getObject("guard_id", UUID.class), rs.getObject("approved_by_id", UUID.class),
            instant(rs, "entered_at"), instant(rs, "exited_at"), rs.getObject("checked_out_by_id", UUID.class),
            instant(rs, "overstay_alerted_at"), rs.getObject("pre_approval_id", UUID.class),
            rs.getString("auto_approval_reason") != null, rs.getString("auto_approval_reason"),
            rs.getString("vehicle_number"), (Integer) rs.getObject("package_count"), rs.getLong("recent_visits"),
            rs.getLong("recent_visits") >= FREQUENT_AFTER, rs.getBoolean("erased"), instant(rs, "photo_deleted_at"));

    /**
     * The gate log, each entry with its visitor's visits to the same flat in the {@link #WINDOW} up to it (computed
     * when read, so it is the same whatever order the entries were projected in).
     */
    private static final String GATE_LOG = """
            (select g.*, case when g.visitor_phone is null then 0 else (select count(*) from gate_entry v
                where v.flat_id = g.flat_id and v.visitor_phone = g.visitor_phone
                  and v.entered_at > g.entered_at - interval '%d days' and v.entered_at <= g.entered_at) end as recent_visits
             from gate_entry g) gate_entry""".formatted(WINDOW.toDays());

    private final JdbcTemplate jdbc;

    public GateLogReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EntryView> find(UUID id) {
        return jdbc.query("select * from " + GATE_LOG + " where id = ?", ENTRY, id).stream().findFirst();
    }

    /**
     * Entries of a society, newest first: optionally of one flat, entered at or after {@code from} and
     * before {@code to}, and only open ({@code open} true) or only checked out (false).
     */
    public PageRequest.Slice<EntryView> list(UUID societyId, UUID flatId, Instant from, Instant to, Boolean open,
                                            PageRequest page) {
        var where = Where.is("society_id", societyId)
                .and("flat_id = ?", flatId)
                .and("entered_at >= ?", from)
                .and("entered_at < ?", to)
                .and(open, "exited_at is null", "exited_at is not null");
        return Paging.slice(jdbc, GATE_LOG, where, "entered_at desc, id", ENTRY, page);
    }

    /** The open entries of a society (or of one flat), newest first: a live feed's initial state. */
    public List<EntryView> open(UUID societyId, UUID flatId, int limit) {
        return Paging.first(jdbc, GATE_LOG,
                Where.is("society_id", societyId).and("flat_id = ?", flatId).and("exited_at is null"),
                "entered_at desc, id", ENTRY, limit);
    }

    /** The entries of a society that came in within [from, to), newest first (at most {@code limit}). */
    public List<EntryView> between(UUID societyId, Instant from, Instant to, int limit) {
        return Paging.first(jdbc, GATE_LOG, Where.is("society_id", societyId).and("entered_at >= ?", from)
                .and("entered_at < ?", to), "entered_at desc, id", ENTRY, limit);
    }

    /** How many entries of a society came in within [from, to): all, still inside, auto-approved, and by type. */
    public TodayCounts counts(UUID societyId, Instant from, Instant to) {
        var byType = new java.util.TreeMap<String, Long>();
        for (EntryType type : EntryType.values()) {
            byType.put(type.name(), 0L);
        }
        long[] totals = new long[4];
        jdbc.query("""
                        select type, count(*) as n, count(*) filter (where exited_at is null) as inside,
                            count(*) filter (where auto_approval_reason is not null) as auto,
                            count(*) filter (where pre_approval_id is not null) as pre
                        from gate_entry where society_id = ? and entered_at >= ? and entered_at < ? group by type""",
                rs -> {
                    byType.put(rs.getString("type"), rs.getLong("n"));
                    totals[0] += rs.getLong("n");
                    totals[1] += rs.getLong("inside");
                    totals[2] += rs.getLong("auto");
                    totals[3] += rs.getLong("pre");
                }, societyId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        return new TodayCounts(totals[0], totals[1], totals[0] - totals[1], totals[2], totals[3], byType);
    }

    public record TodayCounts(long total, long inside, long checkedOut, long autoApproved, long preApproved,
                              java.util.Map<String, Long> byType) {
    }

    /**
     * Visitors of a society by flat and phone: visits in all, the last visit, visits since {@code since} and
     * whether that makes them frequent ({@code frequentAfter} or more), most recent visitors first.
     */
    public PageRequest.Slice<VisitorFrequency> visitorFrequency(UUID societyId, UUID flatId, Instant since,
                                                               int frequentAfter, PageRequest page) {
        var where = Where.is("society_id", societyId).and("flat_id = ?", flatId).and("visitor_phone is not null");
        long total = jdbc.queryForObject("select count(*) from (select 1 from gate_entry " + where.sql()
                + " group by flat_id, visitor_phone) groups", Long.class, where.args().toArray());
        var args = new java.util.ArrayList<Object>();
        args.add(java.sql.Timestamp.from(since));
        args.addAll(where.args());
        args.add(page.limit());
        args.add(page.offset());
        List<VisitorFrequency> items = jdbc.query("""
                        select flat_id, visitor_phone, (array_agg(visitor_name order by entered_at desc))[1] as name,
                            count(*) as visits, max(entered_at) as last_visit,
                            count(*) filter (where entered_at >= ?) as recent
                        from gate_entry""" + where.sql() + """
                         group by flat_id, visitor_phone order by last_visit desc, flat_id, visitor_phone
                        limit ? offset ?""",
                (rs, i) -> new VisitorFrequency(rs.getObject("flat_id", UUID.class), rs.getString("visitor_phone"),
                        rs.getString("name"), rs.getLong("visits"), instant(rs, "last_visit"), rs.getLong("recent"),
                        rs.getLong("recent") >= frequentAfter), args.toArray());
        return new PageRequest.Slice<>(items, total);
    }

    public record VisitorFrequency(UUID flatId, String visitorPhone, String visitorName, long visitCount,
                                   Instant lastVisit, long visitsLast30Days, boolean isFrequent) {
    }
}
