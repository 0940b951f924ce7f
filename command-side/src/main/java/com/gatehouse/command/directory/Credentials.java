package com.gatehouse.command.directory;

import com.gatehouse.api.common.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place for secrets of user accounts (table {@code credentials}, command side): password hashes today,
 * OTP hashes or device secrets tomorrow (add a column or a table next to it, never a field of an event). Written
 * by the command handler that decides, in its transaction (the JDBC template joins it), so an account and its
 * password are stored together or not at all; events only say that a secret was set. Not a read model: never
 * replayed, never served.
 */
@Repository
public class Credentials {

    private final JdbcTemplate jdbc;

    public Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (or replaces) the user's password hash (bcrypt; plain passwords never reach the command side). */
    public void setPasswordHash(UserId user, String passwordHash, Instant at) {
        jdbc.update("""
                        insert into credentials (user_id, password_hash, changed_at) values (?, ?, ?)
                        on conflict (user_id) do update set password_hash = excluded.password_hash,
                                                            changed_at = excluded.changed_at""",
                user.value(), passwordHash, Timestamp.from(at));
    }

    /** The user's password hash, if they have a password. */
    public Optional<String> passwordHash(UserId user) {
        return jdbc.queryForList("select password_hash from credentials where user_id = ?", String.class, user.value())
                .stream().findFirst();
    }

    /** Forgets every secret of the user (their data was erased). */
    public void forget(UserId user) {
        jdbc.update("delete from credentials where user_id = ?", user.value());
    }
}
