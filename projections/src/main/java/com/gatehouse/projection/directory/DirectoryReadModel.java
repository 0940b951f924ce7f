package com.gatehouse.projection.directory;

import static com.gatehouse.projection.common.Rows.ts;
import static com.gatehouse.api.common.Texts.blankToNull;

import java.util.Map;
import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.api.directory.DirectoryViews;
import com.gatehouse.api.directory.FamilyRole;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The directory's tables: written by {@link DirectoryProjection}, read by the query side and login. */
@Repository
public class DirectoryReadModel {

    static final RowMapper<SocietyView> SOCIETY = (rs, i) -> new SocietyView(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("city"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("time_zone"), rs.getString("address"), rs.getString("state"), rs.getString("pincode"),
            rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
            rs.getBoolean("active"));
    static final RowMapper<FlatView> FLAT = (rs, i) -> new FlatView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("block"), rs.getString("number"),
            rs.getTimestamp("created_at").toInstant(), (Integer) rs.getObject("floor"));
    static final RowMapper<UserView> USER = (rs, i) -> new UserView(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("phone"), Role.valueOf(rs.getString("role")),
            rs.getObject("society_id", UUID.class), rs.getObject("flat_id", UUID.class), rs.getBoolean("active"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("email"), rs.getString("photo_key"),
            rs.getBoolean("primary_resident"),
            rs.getString("family_role") == null ? null : FamilyRole.valueOf(rs.getString("family_role")),
            rs.getBoolean("invited"), rs.getBoolean("erased"));

    private final JdbcTemplate jdbc;

    public DirectoryReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SocietyView> society(UUID id) {
        return jdbc.query("select * from directory_society where id = ?", SOCIETY, id).stream().findFirst();
    }

    public Optional<FlatView> flat(UUID id) {
        return jdbc.query("select * from directory_flat where id = ?", FLAT, id).stream().findFirst();
    }

    public Optional<UserView> user(UUID id) {
        return jdbc.query("select * from directory_user where id = ?", USER, id).stream().findFirst();
    }

    /**
     * The account of a phone number, in any form {@link Phones} accepts (old accounts stored before
     * normalisation included); its password hash (if any) is in the command side's credentials.
     */
    public Optional<UserView> userByPhone(String phone) {
        String stored = Phones.stored(phone);
        return jdbc.query("select * from directory_user where phone = ? or phone = ? order by phone = ? desc limit 1",
                USER, stored, phone == null ? null : phone.strip(), stored).stream().findFirst();
    }

    /** Every resident of a flat, invited family members included: the primary first, then the oldest. */
    public List<UserView> membersOfFlat(UUID flatId) {
        return jdbc.query("""
                select * from directory_user where flat_id = ? and role = 'RESIDENT' and (active or invited)
                order by primary_resident desc, created_at, id""", USER, flatId);
    }

    /** Users of a society, newest first, of one role when {@code role} is set. */
    public PageRequest.Slice<UserView> users(UUID societyId, Role role, PageRequest page) {
        return Paging.slice(jdbc, "directory_user",
                Where.is("society_id", societyId).and("role = ?", role == null ? null : role.name()),
                "created_at desc, id", USER, page);
    }

    public PageRequest.Slice<FlatView> flats(UUID societyId, PageRequest page) {
        return Paging.slice(jdbc, "directory_flat", Where.is("society_id", societyId), "created_at desc, id", FLAT, page);
    }

    /** Active users of a society holding one of the roles (for notification fan-out). */
    public List<UserView> activeUsersOfSociety(UUID societyId, Role... roles) {
        return jdbc.query("select * from directory_user where society_id = ? and active and role = any (?)",
                USER, societyId, java.util.Arrays.stream(roles).map(Enum::name).toArray(String[]::new));
    }

    /** Active residents of a flat (for notification fan-out). */
    public List<UserView> activeResidentsOfFlat(UUID flatId) {
        return jdbc.query("select * from directory_user where flat_id = ? and active and role = 'RESIDENT'", USER, flatId);
    }

    /** Active residents of every flat of one block of a society (for an emergency's escalation). */
    public List<UserView> activeResidentsOfBlock(UUID societyId, String block) {
        return jdbc.query("""
                select u.* from directory_user u join directory_flat f on f.id = u.flat_id
                where f.society_id = ? and f.block = ? and u.active and u.role = 'RESIDENT'""", USER, societyId, block);
    }

    /** Active societies whose name or city contains {@code search} and whose city is {@code city} (both optional). */
    public PageRequest.Slice<DirectoryViews.SocietyListing> societyListings(String city, String search, PageRequest page) {
        return Paging.slice(jdbc, """
                        (select s.*, (select count(distinct upper(btrim(f.block))) from directory_flat f where f.society_id = s.id) as blocks,
                                (select count(*) from directory_flat f where f.society_id = s.id) as flats
                         from directory_society s) as q""",
                Where.is("active", true).and("lower(city) = lower(?)", blankToNull(city))
                        .andEach("(strpos(lower(name), lower(?)) > 0 or strpos(lower(city), lower(?)) > 0)", blankToNull(search)),
                "name, id", (rs, i) -> new DirectoryViews.SocietyListing(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("city"), rs.getLong("blocks"), rs.getLong("flats")), page);
    }

    /** The blocks of a society (by name): declared ones with their floors, and those named only by flats. */
    public List<DirectoryViews.BlockListing> blocks(UUID societyId) {
        return jdbc.query("""
                        select coalesce(min(b.name), min(f.block)) as name, count(f.id) as flats, max(b.floors) as floors
                        from (select society_id, upper(btrim(block)) as k, block, id from directory_flat where society_id = ?) f
                        full join (select upper(btrim(name)) as k, name, floors from directory_block where society_id = ?) b
                          on b.k = f.k
                        group by coalesce(b.k, f.k) order by 1""",
                (rs, i) -> new DirectoryViews.BlockListing(Blocks.idOf(societyId, rs.getString("name")),
                        rs.getString("name"), rs.getLong("flats"), (Integer) rs.getObject("floors")),
                societyId, societyId);
    }

    /**
     * Every society, by name, with its flats and active members; {@code city} exact (case ignored), {@code search}
     * a part of the name or city, {@code active} the flag (each optional).
     */
    public PageRequest.Slice<DirectoryViews.SocietySummary> societies(String city, String search, Boolean active,
                                                                      PageRequest page) {
        return Paging.slice(jdbc, """
                        (select s.*, (select count(*) from directory_flat f where f.society_id = s.id) as flats,
                                (select count(*) filter (where u.role = 'RESIDENT') from directory_user u
                                 where u.society_id = s.id and u.active) as residents,
                                (select count(*) filter (where u.role = 'GUARD') from directory_user u
                                 where u.society_id = s.id and u.active) as guards,
                                (select count(*) from directory_user u where u.society_id = s.id and u.active) as users
                         from directory_society s) as q""",
                Where.is("1", 1).and("lower(city) = lower(?)", blankToNull(city))
                        .andEach("(strpos(lower(name), lower(?)) > 0 or strpos(lower(city), lower(?)) > 0)", blankToNull(search))
                        .and("active = ?", active),
                "name, id", (rs, i) -> new DirectoryViews.SocietySummary(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("city"), rs.getString("time_zone"), rs.getBoolean("active"),
                        rs.getTimestamp("created_at").toInstant(), rs.getLong("flats"), rs.getLong("residents"),
                        rs.getLong("guards"), rs.getLong("users")), page);
    }

    /**
     * A society's figures: flats (occupied: an active resident lives there), blocks, active members by role, active
     * staff, and of its day [{@code dayStart}, {@code dayEnd}) the visitors let in and requests raised, with the
     * entry and onboarding requests waiting now.
     */
    public DirectoryViews.SocietyStats stats(UUID societyId, java.time.LocalDate today, java.time.Instant dayStart,
                                             java.time.Instant dayEnd) {
        return jdbc.queryForObject("""
                        select (select count(*) from directory_flat where society_id = ?) as flats,
                               (select count(distinct u.flat_id) from directory_user u
                                where u.society_id = ? and u.active and u.role = 'RESIDENT' and u.flat_id is not null) as occupied,
                               (select count(*) from (select upper(btrim(block)) from directory_flat where society_id = ?
                                                      union select upper(btrim(name)) from directory_block where society_id = ?) b) as blocks,
                               (select count(*) filter (where role = 'RESIDENT') from directory_user where society_id = ? and active) as residents,
                               (select count(*) filter (where role = 'GUARD') from directory_user where society_id = ? and active) as guards,
                               (select count(*) filter (where role = 'ADMIN') from directory_user where society_id = ? and active) as admins,
                               (select count(*) from staff_member where society_id = ? and active) as staff,
                               (select count(*) from report_entry where society_id = ? and entered_at >= ? and entered_at < ?) as entries,
                               (select count(*) from report_entry_request where society_id = ? and raised_at >= ? and raised_at < ?) as requests,
                               (select count(*) from entry_request where society_id = ? and status = 'PENDING') as pending,
                               (select count(*) from onboarding_request where society_id = ? and status = 'PENDING_APPROVAL') as onboarding""",
                (rs, i) -> new DirectoryViews.SocietyStats(societyId, rs.getLong("flats"), rs.getLong("occupied"),
                        rs.getLong("blocks"), rs.getLong("residents"), rs.getLong("guards"), rs.getLong("admins"),
                        rs.getLong("staff"), today, rs.getLong("entries"), rs.getLong("requests"),
                        rs.getLong("pending"), rs.getLong("onboarding")),
                societyId, societyId, societyId, societyId, societyId, societyId, societyId, societyId,
                societyId, ts(dayStart), ts(dayEnd), societyId, ts(dayStart), ts(dayEnd), societyId, societyId);
    }

    /**
     * Flats of a society (of one block when {@code blockId} is set), whose block, number or primary resident's
     * name starts with {@code search} (when set); ordered by block and number.
     */
    public PageRequest.Slice<DirectoryViews.FlatListing> flatListings(UUID societyId, UUID blockId, String search,
                                                                      boolean withResidentNames, PageRequest page) {
        String blockName = blockId == null ? null : blocks(societyId).stream().filter(b -> b.id().equals(blockId))
                .map(DirectoryViews.BlockListing::name).findFirst().orElse("\u0000none");
        String prefix = blankToNull(search) == null ? null : search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Paging.slice(jdbc, """
                        (select f.*,
                            exists (select 1 from directory_user u where u.flat_id = f.id and u.active and u.role = 'RESIDENT') as occupied,
                            exists (select 1 from onboarding_request o where o.flat_id = f.id and o.resident_type = 'OWNER'
                                    and o.status in ('PENDING_APPROVAL', 'RESUBMIT_REQUESTED', 'APPROVED')) as has_owner,
                            (select u.name from directory_user u where u.flat_id = f.id and u.active and u.role = 'RESIDENT'
                             order by u.primary_resident desc, u.created_at limit 1) as primary_name
                         from directory_flat f) as q""",
                Where.is("society_id", societyId).and("upper(btrim(block)) = upper(btrim(?))", blockName)
                        .andEach("(lower(block) like ? or lower(number) like ? or lower(block || '-' || number) like ? "
                                + "or lower(split_part(coalesce(primary_name, ''), ' ', 1)) like ?)", prefix),
                "upper(block), number, id", (rs, i) -> new DirectoryViews.FlatListing(rs.getObject("id", UUID.class),
                        rs.getString("number"), rs.getString("block"), Blocks.idOf(societyId, rs.getString("block")),
                        rs.getBoolean("occupied"), rs.getBoolean("has_owner"),
                        withResidentNames ? rs.getString("primary_name") : null, (Integer) rs.getObject("floor")), page);
    }

    /** The society's active accounts, counted by role. */
    public Map<Role, Long> activeMembersByRole(UUID societyId) {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        jdbc.query("select role, count(*) as n from directory_user where society_id = ? and active group by role",
                rs -> {
                    counts.put(Role.valueOf(rs.getString("role")), rs.getLong("n"));
                }, societyId);
        return counts;
    }

    /** How many flats the society has. */
    public long flatCount(UUID societyId) {
        return jdbc.queryForObject("select count(*) from directory_flat where society_id = ?", Long.class, societyId);
    }
}
