package com.gatehouse.command.push;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.push.PushViews.PushPreferencesView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Each user's quiet hours and muted notification types ({@code push_preferences}). They silence pushes only:
 * the notification itself is still stored and shown in the app. What must reach a phone at any hour can be
 * neither muted nor silenced: what {@link PushLevel} classifies as critical or time-sensitive (emergency alerts,
 * entry and delivery requests, which a resident receives only for their own flat, and everything about a pending
 * request: its reminder, the guard's "nobody answered").
 */
@Component
public class PushPreferences {

    private final JdbcTemplate jdbc;

    public PushPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PushPreferencesView of(UUID user) {
        return jdbc.query("select quiet_from, quiet_to, time_zone, muted_types from push_preferences where user_id = ?",
                (rs, i) -> new PushPreferencesView(text(rs.getTime(1)), text(rs.getTime(2)), rs.getString(3),
                        types(rs.getArray(4))), user).stream().findFirst()
                .orElse(new PushPreferencesView(null, null, SocietyTimeZones.DEFAULT.getId(), List.of()));
    }

    public PushPreferencesView set(UUID user, PushPreferencesView wanted) {
        LocalTime from = time("quietFrom", wanted.quietFrom());
        LocalTime to = time("quietTo", wanted.quietTo());
        if ((from == null) != (to == null) || (from != null && from.equals(to))) {
            throw Problem.invalid("quietTo", "quiet hours need both quietFrom and quietTo, different (or neither)");
        }
        String zone = SocietyTimeZones.parse("timeZone", wanted.timeZone()).getId();
        List<NotificationType> muted = wanted.mutedTypes() == null ? List.of()
                : wanted.mutedTypes().stream().distinct().sorted().toList();
        for (NotificationType type : muted) {
            if (!PushLevel.of(type).silenceable()) {
                throw Problem.invalid("mutedTypes", type + " cannot be muted (entry and delivery requests and "
                        + "emergency alerts always ring)");
            }
        }
        jdbc.update("""
                insert into push_preferences (user_id, quiet_from, quiet_to, time_zone, muted_types) values (?, ?, ?, ?, ?)
                on conflict (user_id) do update set quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                    time_zone = excluded.time_zone, muted_types = excluded.muted_types""",
                user, from == null ? null : Time.valueOf(from), to == null ? null : Time.valueOf(to), zone,
                muted.stream().map(Enum::name).toArray(String[]::new));
        return of(user);
    }

    /** Whether a push of this content may ring the user's phones at this instant. */
    boolean allows(UUID user, NotificationContent content, Instant at) {
        if (!PushLevel.of(content).silenceable()) {
            return true;
        }
        PushPreferencesView prefs = of(user);
        if (prefs.mutedTypes().contains(content.type())) {
            return false;
        }
        if (prefs.quietFrom() == null) {
            return true;
        }
        LocalTime now = at.atZone(ZoneId.of(prefs.timeZone())).toLocalTime();
        LocalTime from = LocalTime.parse(prefs.quietFrom());
        LocalTime to = LocalTime.parse(prefs.quietTo());
        boolean quiet = from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to) // 13:00-15:00
                : !now.isBefore(from) || now.isBefore(to); // 22:00-07:00, over midnight
        return !quiet;
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a local time HH:mm, e.g. 22:00");
        }
    }

    private static String text(Time time) {
        return time == null ? null : time.toLocalTime().toString();
    }

    private static List<NotificationType> types(Array array) throws java.sql.SQLException {
        List<NotificationType> types = new ArrayList<>();
        for (Object name : (Object[]) array.getArray()) {
            types.add(NotificationType.valueOf((String) name));
        }
        return types;
    }
}
