package com.gatehouse.command.directory;

import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The command side's own small lookup for rules that span aggregates: which societies exist,
 * which society a flat belongs to, which user holds a phone number. Written by command handlers
 * inside the unit of work's transaction, so a refused or failed command leaves no trace here.
 */
@Component
public class DirectoryLookup {

    private final JdbcTemplate jdbc;

    public DirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordSociety(SocietyId society) {
        jdbc.update("insert into directory_lookup_society (society_id) values (?) on conflict do nothing",
                society.value());
    }

    void recordFlat(FlatId flat, SocietyId society) {
        jdbc.update("insert into directory_lookup_flat (flat_id, society_id) values (?, ?)", flat.value(),
                society.value());
    }

    public boolean societyExists(SocietyId society) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from directory_lookup_society where society_id = ?)", Boolean.class,
                society.value()));
    }

    public Optional<SocietyId> societyOfFlat(FlatId flat) {
        return jdbc.query("select society_id from directory_lookup_flat where flat_id = ?",
                        (rs, i) -> new SocietyId(rs.getObject(1, UUID.class)), flat.value())
                .stream().findFirst();
    }

    /** Refuses (404 "Flat") a flat that is not in the society. */
    public void requireFlatInSociety(FlatId flat, SocietyId society) {
        if (flat == null || !societyOfFlat(flat).map(society::equals).orElse(false)) {
            throw Problem.notFound("Flat");
        }
    }

    /** The holder of a phone number, given in any form {@link Phones} accepts. */
    public Optional<UserId> holderOfPhone(String phone) {
        return jdbc.query("select user_id from directory_lookup_phone where phone = ?",
                (rs, i) -> new UserId(rs.getObject(1, UUID.class)), Phones.stored(phone)).stream().findFirst();
    }

    /**
     * Claims a phone number for a user; refuses (409) one that another user holds. Claiming again for
     * the same user passes (an idempotent retry, whose event append then fails as a duplicate).
     */
    void claimPhone(String phone, UserId user) {
        int claimed = jdbc.update(
                "insert into directory_lookup_phone (phone, user_id) values (?, ?) on conflict do nothing",
                phone, user.value());
        if (claimed == 0 && !holderOfPhone(phone).map(user::equals).orElse(false)) {
            throw Problem.conflict("A user with this phone number already exists");
        }
    }

    /** Frees the user's phone number (their data was erased): nobody keeps it, and it may be registered again. */
    public void releasePhoneOf(UserId user) {
        jdbc.update("delete from directory_lookup_phone where user_id = ?", user.value());
    }

    /** Counts the user as a resident of the flat (replacing any flat they were counted in). */
    void placeResident(UserId user, FlatId flat) {
        jdbc.update("""
                insert into directory_lookup_resident (user_id, flat_id) values (?, ?)
                on conflict (user_id) do update set flat_id = excluded.flat_id""", user.value(), flat.value());
    }

    void removeResident(UserId user) {
        jdbc.update("delete from directory_lookup_resident where user_id = ?", user.value());
    }

    /**
     * Locks the flat's row until the command's transaction ends, then counts its residents (active and
     * invited): concurrent invites for one flat are decided one after the other.
     */
    int lockFlatAndCountResidents(FlatId flat) {
        jdbc.query("select flat_id from directory_lookup_flat where flat_id = ? for update", rs -> {
        }, flat.value());
        Integer n = jdbc.queryForObject("select count(*) from directory_lookup_resident where flat_id = ?",
                Integer.class, flat.value());
        return n == null ? 0 : n;
    }

    public Optional<UserId> primaryOf(FlatId flat) {
        return jdbc.query("select user_id from directory_lookup_primary where flat_id = ?",
                (rs, i) -> new UserId(rs.getObject(1, UUID.class)), flat.value()).stream().findFirst();
    }

    /** Makes the user the flat's primary resident if it has none; whether they are it now. */
    boolean claimPrimary(FlatId flat, UserId user) {
        jdbc.update("insert into directory_lookup_primary (flat_id, user_id) values (?, ?) on conflict do nothing",
                flat.value(), user.value());
        return primaryOf(flat).map(user::equals).orElse(false);
    }

    void releasePrimary(FlatId flat, UserId user) {
        jdbc.update("delete from directory_lookup_primary where flat_id = ? and user_id = ?", flat.value(),
                user.value());
    }

    /**
     * One owner per flat: an owner's onboarding request claims the flat while pending and keeps it once
     * approved; refuses (409) a flat claimed by someone else.
     */
    void claimOwner(FlatId flat, UserId user) {
        int claimed = jdbc.update(
                "insert into directory_lookup_owner (flat_id, user_id) values (?, ?) on conflict do nothing",
                flat.value(), user.value());
        if (claimed == 0 && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from directory_lookup_owner where flat_id = ? and user_id = ?)",
                Boolean.class, flat.value(), user.value()))) {
            throw Problem.conflict("This flat already has an owner (or an owner's request under review)");
        }
    }

    void releaseOwner(FlatId flat, UserId user) {
        jdbc.update("delete from directory_lookup_owner where flat_id = ? and user_id = ?", flat.value(),
                user.value());
    }
}
