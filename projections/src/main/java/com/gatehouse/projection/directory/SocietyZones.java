package com.gatehouse.projection.directory;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.directory.SocietyTimeZones;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SocietyTimeZones} from the directory read model, and whether a society is active (every request of a
 * member asks). Both are asked for often and change about never: each instance keeps what it read for a minute,
 * and forgets a society at once when {@link DirectoryProjection} changed it on any instance ({@link #changed}: a
 * cluster signal sent when the change commits, so a read after the change's answer already sees it).
 */
@Component
public class SocietyZones implements SocietyTimeZones, DisposableBean {

    static final long KEEP_MILLIS = 60_000;
    static final String CHANGED = "directory.society-changed";

    private record Known(ZoneId zone, boolean active, long at) {
    }

    private final JdbcTemplate jdbc;
    private final ClusterSignals signals;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    public SocietyZones(JdbcTemplate jdbc, ClusterSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.subscription = signals.subscribe(CHANGED, payload -> known.remove(UUID.fromString(payload.strip())));
    }

    @Override
    public ZoneId zoneOf(UUID society) {
        return society == null ? DEFAULT : read(society).zone();
    }

    /** Whether the society is active (an unknown society counts as active: nothing to refuse its members for). */
    public boolean isActive(UUID society) {
        return society == null || read(society).active();
    }

    private Known read(UUID society) {
        long now = System.currentTimeMillis();
        Known hit = known.get(society);
        if (hit != null && now - hit.at() < KEEP_MILLIS) {
            return hit;
        }
        Known read = jdbc.query("select time_zone, active from directory_society where id = ?",
                        (rs, i) -> new Known(ZoneId.of(rs.getString(1)), rs.getBoolean(2), now), society)
                .stream().findFirst().orElse(new Known(DEFAULT, true, now));
        if (known.size() > 10_000) {
            known.clear();
        }
        known.put(society, read);
        return read;
    }

    /** Forgets what was read of a society (its zone was changed here). */
    public void forget(UUID society) {
        known.remove(society);
    }

    /** Every instance forgets the society when the caller's transaction commits (call it where the row changes). */
    void changed(UUID society) {
        signals.publish(CHANGED, society.toString());
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
    }
}
