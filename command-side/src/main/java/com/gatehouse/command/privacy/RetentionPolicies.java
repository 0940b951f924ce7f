package com.gatehouse.command.privacy;

import com.gatehouse.api.privacy.RetentionSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The retention in force per society: the installation's settings ({@link RetentionSettings}), overridden field by
 * field by a society's own (table {@code privacy_retention}, command side), written by {@link SocietyRetention} in
 * its command's transaction and read by the retention job ({@link Retention}).
 */
@Component
public class RetentionPolicies {

    /** How long each kind of personal data is kept. */
    public record Policy(Duration visitor, Duration entryPhoto, Duration deactivated) {
    }

    private final JdbcTemplate jdbc;
    private final Policy defaults;

    public RetentionPolicies(JdbcTemplate jdbc, @Value(RetentionSettings.VISITOR) Duration visitor,
                             @Value(RetentionSettings.ENTRY_PHOTO) Duration entryPhoto,
                             @Value(RetentionSettings.DEACTIVATED) Duration deactivated) {
        this.jdbc = jdbc;
        this.defaults = new Policy(visitor, entryPhoto, deactivated);
    }

    /** The installation's settings. */
    public Policy defaults() {
        return defaults;
    }

    /** The societies with settings of their own, each with the policy in force there. */
    public Map<UUID, Policy> own() {
        Map<UUID, Policy> own = new HashMap<>();
        jdbc.query("select * from privacy_retention", rs -> {
            own.put(rs.getObject("society_id", UUID.class), policy(rs));
        });
        return own;
    }

    /** The policy in force in a society ({@code null}: the installation's); reads that society's row only. */
    public Policy of(UUID society) {
        if (society == null) {
            return defaults;
        }
        return jdbc.query("select * from privacy_retention where society_id = ?", (rs, row) -> policy(rs), society)
                .stream().findFirst().orElse(defaults);
    }

    private Policy policy(ResultSet rs) throws SQLException {
        return new Policy(days(rs.getObject("visitor_days", Integer.class), defaults.visitor()),
                days(rs.getObject("entry_photo_days", Integer.class), defaults.entryPhoto()),
                days(rs.getObject("deactivated_days", Integer.class), defaults.deactivated()));
    }

    void set(UUID society, Integer visitorDays, Integer entryPhotoDays, Integer deactivatedDays, Instant at) {
        if (visitorDays == null && entryPhotoDays == null && deactivatedDays == null) {
            jdbc.update("delete from privacy_retention where society_id = ?", society);
            return;
        }
        jdbc.update("""
                        insert into privacy_retention (society_id, visitor_days, entry_photo_days, deactivated_days, changed_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (society_id) do update set visitor_days = excluded.visitor_days,
                            entry_photo_days = excluded.entry_photo_days, deactivated_days = excluded.deactivated_days,
                            changed_at = excluded.changed_at""",
                society, visitorDays, entryPhotoDays, deactivatedDays, Timestamp.from(at));
    }

    private static Duration days(Integer days, Duration otherwise) {
        return days == null ? otherwise : Duration.ofDays(days);
    }
}
