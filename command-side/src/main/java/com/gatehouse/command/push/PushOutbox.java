package com.gatehouse.command.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.push.DevicePlatform;
import com.gatehouse.command.push.PushProvider.PushMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox of pushes ({@code push_outbox}): one row per (notification, device).
 * <p>
 * <b>Fed by the command side, in the event's transaction.</b> {@link #enqueue} is called by the command handler
 * that stores a {@code NotificationSent} event ({@code NotificationSender}), inside that unit of work's
 * transaction: the event and its rows commit together or not at all. This was chosen over a tracking processor
 * of its own because a command handler never runs during a replay (replays re-run event handlers only), so no
 * replay or rebuild can ever enqueue a push; a sender that handles the same trigger again finds the
 * notification sent and enqueues nothing; and a push leaves as soon as the notification commits (no processor
 * poll in between). The row's {@code message_id} is derived from (notification, device) and is the primary key,
 * so a message exists at most once whatever happens.
 * <p>
 * <b>Drained</b> by {@link PushDrainer} on every instance, a batch at a time: rows are claimed with one
 * {@code FOR UPDATE SKIP LOCKED} statement under a lease, so instances never claim the same row, and the outcomes
 * of a whole batch are recorded together ({@link #record}). Rows of an instance that died mid-batch (claimed,
 * perhaps sent, not recorded) are claimed again once the lease runs out and sent again with the same message id.
 */
@Component
public class PushOutbox {

    static final String PENDING = "PENDING", SENT = "SENT", FAILED = "FAILED", UNREGISTERED = "UNREGISTERED";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Devices devices;
    private final PushPreferences preferences;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private volatile Runnable onCommit = () -> {
    };

    public PushOutbox(JdbcTemplate jdbc, Devices devices, PushPreferences preferences, ObjectMapper json,
                      TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.devices = devices;
        this.preferences = preferences;
        this.json = json;
    }

    /** What to do once rows committed (the drainer's wake-up). */
    void onCommit(Runnable wake) {
        this.onCommit = wake;
    }

    /**
     * One row per device of the recipient, in the caller's transaction, unless quiet hours or a mute silence
     * this content. Returns how many rows were written.
     */
    public int enqueue(NotificationId notification, UserId recipient, SocietyId society, NotificationContent content,
                       Instant sentAt) {
        List<Devices.Device> targets = devices.receiving(recipient.value());
        if (targets.isEmpty() || !preferences.allows(recipient.value(), content, sentAt)) {
            return 0;
        }
        String payload = payload(notification, content, sentAt);
        int written = 0;
        for (Devices.Device device : targets) {
            written += jdbc.update("""
                    insert into push_outbox (message_id, notification_id, device_id, user_id, society_id, payload,
                                             next_attempt_at, created_at)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (message_id) do nothing""",
                    messageId(notification.value(), device.id()), notification.value(), device.id(),
                    recipient.value(), society == null ? null : society.value(), payload, Timestamp.from(sentAt),
                    Timestamp.from(sentAt));
        }
        if (written > 0) {
            wakeAfterCommit();
        }
        return written;
    }

    /**
     * What a row keeps once it is settled (sent, failed, unregistered): no title, text or data. A push's text may
     * name people (visitors, residents' numbers) that the event store keeps sealed and erasable; the outbox holds
     * it in plain only while the push may still be sent.
     */
    static final String SETTLED_PAYLOAD = "jsonb_build_object('notificationId', payload->'notificationId', "
            + "'type', payload->'type', 'level', payload->'level', 'sentAt', payload->'sentAt')";

    static UUID messageId(UUID notification, UUID device) {
        return UUID.nameUUIDFromBytes(("push\n" + notification + "\n" + device).getBytes(StandardCharsets.UTF_8));
    }

    /** A claimed row: the message to send, and what is needed to record its outcome. */
    record Claimed(PushMessage message, UUID deviceId, int attempts) {
    }

    /**
     * Claims up to {@code limit} due rows for {@code owner} until the lease ends, in one statement (so nothing is
     * held while sending): {@code FOR UPDATE SKIP LOCKED} lets several instances claim at once, each other rows.
     * Due rows whose device has gone are deleted by the same statement instead of being claimed.
     */
    List<Claimed> claim(String owner, int limit, Duration lease) {
        return jdbc.query("""
                with due as (
                    select message_id from push_outbox
                    where status = 'PENDING' and next_attempt_at <= now()
                      and (claimed_until is null or claimed_until < now())
                    order by next_attempt_at limit ? for update skip locked),
                gone as (
                    delete from push_outbox o using due
                    where o.message_id = due.message_id
                      and not exists (select 1 from push_device d where d.id = o.device_id and d.user_id = o.user_id))
                update push_outbox o set claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond',
                                         attempts = o.attempts + 1
                from due, push_device d
                where o.message_id = due.message_id and d.id = o.device_id and d.user_id = o.user_id
                returning o.message_id, o.notification_id, o.device_id, o.attempts, o.payload, d.platform, d.token""",
                (rs, i) -> claimed(rs), limit, owner, lease.toMillis());
    }

    private Claimed claimed(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> payload;
        try {
            payload = json.readValue(rs.getString(5), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable push payload " + rs.getString(1), e);
        }
        String type = (String) payload.get("type");
        Map<String, String> data = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) payload.getOrDefault("data", Map.of());
        given.forEach((key, value) -> data.put(key, String.valueOf(value)));
        data.put("notificationId", String.valueOf(payload.get("notificationId")));
        data.put("type", type);
        data.put("sentAt", String.valueOf(payload.get("sentAt")));
        putIfSet(data, "referenceType", payload.get("referenceType"));
        putIfSet(data, "referenceId", payload.get("referenceId"));
        PushLevel level = payload.get("level") instanceof String name ? PushLevel.valueOf(name)
                : PushLevel.of(NotificationType.valueOf(type)); // rows written before the level was stored
        var message = new PushMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                DevicePlatform.valueOf(rs.getString(6)), rs.getString(7), type, (String) payload.get("title"),
                (String) payload.get("message"), data, level.urgent(), level == PushLevel.CRITICAL);
        return new Claimed(message, rs.getObject(3, UUID.class), rs.getInt(4));
    }

    /**
     * How one claimed push ended: {@link #SENT}, {@link #FAILED}, {@link #UNREGISTERED} (all settled), or
     * {@link #PENDING} again, due {@code retryIn} from now (the database's now, as claims use).
     */
    record Settled(UUID messageId, String status, Duration retryIn, String reason) {
    }

    /**
     * Records the outcomes of a batch in one transaction of at most two statements: every row's new state (one
     * UPDATE over the arrays of outcomes), and the devices the provider no longer knows (one DELETE, only when
     * there are some: {@link Devices#unregistered}). A row that another
     * instance settled meanwhile (its lease had ended) is left as that instance recorded it. Settled rows keep no
     * title, text or data ({@link #SETTLED_PAYLOAD}).
     */
    void record(List<Settled> outcomes, List<Devices.Refused> devicesGone) {
        if (outcomes.isEmpty() && devicesGone.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            if (!outcomes.isEmpty()) {
                int n = outcomes.size();
                String[] ids = new String[n], statuses = new String[n], reasons = new String[n];
                Long[] retryMillis = new Long[n];
                for (int i = 0; i < n; i++) {
                    Settled outcome = outcomes.get(i);
                    ids[i] = outcome.messageId().toString();
                    statuses[i] = outcome.status();
                    retryMillis[i] = outcome.retryIn() == null ? null : outcome.retryIn().toMillis();
                    reasons[i] = truncate(outcome.reason());
                }
                jdbc.update(con -> {
                    var statement = con.prepareStatement("""
                            update push_outbox o set status = v.status,
                                sent_at = case when v.status = 'SENT' then now() else o.sent_at end,
                                next_attempt_at = case when v.retry_ms is null then o.next_attempt_at
                                                       else now() + v.retry_ms * interval '1 millisecond' end,
                                claimed_by = null, claimed_until = null, last_error = v.reason,
                                payload = case when v.status = 'PENDING' then o.payload else\s"""
                            + SETTLED_PAYLOAD.replace("payload->", "o.payload->") + """
                             end
                            from unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) as v(message_id, status, retry_ms, reason)
                            where o.message_id = v.message_id::uuid and o.status = 'PENDING'""");
                    statement.setArray(1, con.createArrayOf("text", ids));
                    statement.setArray(2, con.createArrayOf("text", statuses));
                    statement.setArray(3, con.createArrayOf("bigint", retryMillis));
                    statement.setArray(4, con.createArrayOf("text", reasons));
                    return statement;
                });
            }
            devices.unregistered(devicesGone);
        });
    }

    /** Sent rows older than {@code keep} leave the table (failures stay for the admin's counts). */
    int purgeSent(Duration keep) {
        return jdbc.update("delete from push_outbox where status = 'SENT' and sent_at < now() - ? * interval '1 second'",
                keep.toSeconds());
    }

    private String payload(NotificationId notification, NotificationContent content, Instant sentAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", notification.toString());
        payload.put("type", content.type().name());
        payload.put("title", content.title());
        payload.put("message", content.message());
        payload.put("data", content.data());
        payload.put("referenceType", content.referenceType());
        payload.put("referenceId", content.referenceId());
        payload.put("sentAt", sentAt.toString());
        payload.put("level", PushLevel.of(content).name());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push payload", e);
        }
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommit.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> onCommit.run());
        } else {
            onCommit.run();
        }
    }

    private static void putIfSet(Map<String, String> data, String key, Object value) {
        if (value != null) {
            data.put(key, String.valueOf(value));
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
