package com.gatehouse.projection.directory;

import com.gatehouse.projection.common.Paging;
import com.gatehouse.projection.common.Where;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
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
            rs.getString("time_zone"));
    static final RowMapper<FlatView> FLAT = (rs, i) -> new FlatView(rs.getObject("id", UUID.class),
            rs.getObject("society_id", UUID.class), rs.getString("block"), rs.getString("number"),
            rs.getTimestamp("created_at").toInstant());
    static final RowMapper<UserView> USER = (rs, i) -> new UserView(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("phone"), Role.valueOf(rs.getString("role")),
            rs.getObject("society_id", UUID.class), rs.getObject("flat_id", UUID.class), rs.getBoolean("active"),
            rs.getTimestamp("created_at").toInstant());

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

    /** The user with this phone (login); their password hash is in the command side's credentials. */
    public Optional<UserView> userByPhone(String phone) {
        return jdbc.query("select * from directory_user where phone = ?", USER, phone).stream().findFirst();
    }

    public PageRequest.Slice<FlatView> flats(UUID societyId, PageRequest page) {
        return Paging.slice(jdbc, "directory_flat", Where.is("society_id", societyId), "created_at desc, id", FLAT, page);
    }

    public PageRequest.Slice<UserView> users(UUID societyId, PageRequest page) {
        return Paging.slice(jdbc, "directory_user", Where.is("society_id", societyId), "created_at desc, id", USER, page);
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

    static Timestamp ts(java.time.Instant instant) {
        return Timestamp.from(instant);
    }
}
