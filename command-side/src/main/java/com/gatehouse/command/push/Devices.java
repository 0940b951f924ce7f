package com.gatehouse.command.push;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.push.DevicePlatform;
import com.gatehouse.api.push.PushViews.DeviceView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The devices that receive pushes, in a command-side table of their own ({@code push_device}): a token is a
 * secret (whoever holds it can push to that phone), so it never enters an event, a read model or an answer.
 * <ul>
 * <li>Registering is idempotent per token: the same token again keeps its id; a token registered by another
 *     user moves to the caller (a phone changed hands, or someone logged in as another user).</li>
 * <li>At most {@link PushSettings#maxDevicesPerUser()} per user: registering one more removes the user's
 *     longest-registered device (a replaced phone must never block its successor). Registrations of one user
 *     are serialised by a transaction-scoped advisory lock, so concurrent ones never exceed the limit.</li>
 * </ul>
 */
@Component
public class Devices {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PushSettings settings;
    private final Clock clock;

    public Devices(JdbcTemplate jdbc, TransactionTemplate transactions, PushSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A device that receives pushes, with its secret token (only for sending). */
    record Device(UUID id, UUID userId, DevicePlatform platform, String token) {
    }

    public DeviceView register(UUID user, UUID society, DevicePlatform platform, String token, String appVersion) {
        return transactions.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", lockKey(user));
            UUID id = jdbc.queryForObject("""
                    insert into push_device (id, user_id, society_id, platform, token, app_version, registered_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (token) do update set
                        user_id = excluded.user_id, society_id = excluded.society_id, platform = excluded.platform,
                        app_version = coalesce(excluded.app_version, push_device.app_version),
                        registered_at = case when push_device.user_id = excluded.user_id
                                             then push_device.registered_at else excluded.registered_at end
                    returning id""", UUID.class, UUID.randomUUID(), user, society, platform.name(), token, appVersion,
                    Timestamp.from(clock.instant()));
            jdbc.update("""
                    delete from push_device where id in (
                        select id from push_device where user_id = ? and id <> ?
                        order by registered_at desc, id offset ?)""", user, id, settings.maxDevicesPerUser() - 1);
            return find(user, id).orElseThrow();
        });
    }

    /** Removes one of the user's devices; someone else's or an unknown id answers 404. */
    public void remove(UUID user, UUID device) {
        if (jdbc.update("delete from push_device where id = ? and user_id = ?", device, user) == 0) {
            throw Problem.notFound("Device");
        }
    }

    /** Logging out on a device: removes it if it is the user's, silently otherwise (logout must not fail). */
    public void removeOnLogout(UUID user, UUID device) {
        jdbc.update("delete from push_device where id = ? and user_id = ?", device, user);
    }

    /**
     * The user's personal data is erased (privacy): their phones' tokens, their quiet hours and mutes, and the pushes
     * still waiting for them go, in the caller's transaction (the erasure's).
     */
    public void forget(UUID user) {
        jdbc.update("delete from push_outbox where user_id = ? and status = 'PENDING'", user);
        jdbc.update("delete from push_device where user_id = ?", user);
        jdbc.update("delete from push_preferences where user_id = ?", user);
    }

    /** A device's token that the provider said no longer reaches an app. */
    record Refused(UUID deviceId, String token) {
    }

    /**
     * The provider said these tokens no longer reach an app: forget their devices (each only if it still holds the
     * refused token: one re-registered meanwhile stays), in one statement, in the caller's transaction.
     */
    void unregistered(List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        String[] ids = refused.stream().map(r -> r.deviceId().toString()).toArray(String[]::new);
        String[] tokens = refused.stream().map(Refused::token).toArray(String[]::new);
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    delete from push_device d using unnest(?::text[], ?::text[]) as v(id, token)
                    where d.id = v.id::uuid and d.token = v.token""");
            statement.setArray(1, con.createArrayOf("text", ids));
            statement.setArray(2, con.createArrayOf("text", tokens));
            return statement;
        });
    }

    List<Device> receiving(UUID user) {
        return jdbc.query("select id, user_id, platform, token from push_device where user_id = ? order by id",
                (rs, i) -> new Device(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        DevicePlatform.valueOf(rs.getString(3)), rs.getString(4)), user);
    }

    private Optional<DeviceView> find(UUID user, UUID id) {
        return jdbc.query("select id, platform, app_version, registered_at from push_device where user_id = ? and id = ?",
                (rs, i) -> view(rs), user, id).stream().findFirst();
    }

    private static DeviceView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeviceView(rs.getObject(1, UUID.class), DevicePlatform.valueOf(rs.getString(2)), rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    private static long lockKey(UUID user) {
        return UUID.nameUUIDFromBytes(("push-device\n" + user).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
