package com.gatehouse.projection.directory;

import com.gatehouse.api.directory.SocietyTimeZones;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SocietyTimeZones} from the directory read model. A zone is asked for on every report and every rule
 * with a time window, and changes about never: each instance keeps what it read for a minute.
 */
@Component
public class SocietyZones implements SocietyTimeZones {

    static final long KEEP_MILLIS = 60_000;

    private record Known(ZoneId zone, long at) {
    }

    private final JdbcTemplate jdbc;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    public SocietyZones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ZoneId zoneOf(UUID society) {
        if (society == null) {
            return DEFAULT;
        }
        long now = System.currentTimeMillis();
        Known hit = known.get(society);
        if (hit != null && now - hit.at() < KEEP_MILLIS) {
            return hit.zone();
        }
        ZoneId zone = jdbc.queryForList("select time_zone from directory_society where id = ?", String.class, society)
                .stream().findFirst().map(ZoneId::of).orElse(DEFAULT);
        if (known.size() > 10_000) {
            known.clear();
        }
        known.put(society, new Known(zone, now));
        return zone;
    }

    /** Forgets what was read of a society (its zone was changed here). */
    public void forget(UUID society) {
        known.remove(society);
    }
}
