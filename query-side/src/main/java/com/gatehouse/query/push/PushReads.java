package com.gatehouse.query.push;

import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.push.DevicePlatform;
import com.gatehouse.api.push.PushViews.DeviceView;
import com.gatehouse.api.push.PushViews.PushDeliveryCounts;
import com.gatehouse.api.push.PushViews.PushPreferencesView;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of the push tables the command side keeps (devices, preferences, outbox), reactive (R2DBC). The device
 * token is never selected: it is a secret, used only by the command side's sender.
 */
@Repository
public class PushReads {

    private final DatabaseClient db;

    public PushReads(DatabaseClient db) {
        this.db = db;
    }

    public Mono<List<DeviceView>> devices(UUID user) {
        return db.sql("select id, platform, app_version, registered_at from push_device where user_id = :user "
                        + "order by registered_at desc, id").bind("user", user)
                .map(row -> new DeviceView(row.get("id", UUID.class), DevicePlatform.valueOf(row.get("platform", String.class)),
                        row.get("app_version", String.class), instant(row.get("registered_at", OffsetDateTime.class))))
                .all().collectList();
    }

    public Mono<PushPreferencesView> preferences(UUID user) {
        return db.sql("select quiet_from, quiet_to, time_zone, muted_types from push_preferences where user_id = :user")
                .bind("user", user)
                .map(row -> new PushPreferencesView(text(row.get("quiet_from", LocalTime.class)),
                        text(row.get("quiet_to", LocalTime.class)), row.get("time_zone", String.class),
                        Arrays.stream(row.get("muted_types", String[].class)).map(NotificationType::valueOf).toList()))
                .one()
                .defaultIfEmpty(new PushPreferencesView(null, null, SocietyTimeZones.DEFAULT.getId(), List.of()));
    }

    public Mono<PushDeliveryCounts> counts(UUID society) {
        Mono<Map<String, Long>> byStatus = db.sql("select status, count(*) as n from push_outbox where society_id = :society "
                        + "group by status").bind("society", society)
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all().collectList().map(entries -> {
                    Map<String, Long> map = new HashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
        Mono<Long> devices = db.sql("select count(*) as n from push_device where society_id = :society")
                .bind("society", society).map(row -> row.get("n", Long.class)).one();
        return Mono.zip(byStatus, devices).map(t -> new PushDeliveryCounts(society, t.getT1().getOrDefault("PENDING", 0L),
                t.getT1().getOrDefault("SENT", 0L), t.getT1().getOrDefault("FAILED", 0L),
                t.getT1().getOrDefault("UNREGISTERED", 0L), t.getT2()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }
}
