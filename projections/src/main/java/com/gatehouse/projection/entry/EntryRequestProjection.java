package com.gatehouse.projection.entry;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.upload.UploadEvent.DocumentDeleted;
import com.gatehouse.api.upload.UploadEvent.DocumentExpired;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestReminded;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestUnanswered;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.notification.NotificationEvent.NotificationDelivered;
import com.gatehouse.api.notification.NotificationEvent.NotificationRead;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

/**
 * Builds the entry-request read model and feeds the live views: every change is published (at commit, to
 * every instance) to the society's and the flat's feeds. JDBC in the processor's
 * transaction; inserts are insert-if-absent and updates are guarded by the aggregate sequence number, so a
 * re-delivered event changes nothing.
 * <p>
 * What the flat's phones did with a request (issue 15) comes from the notification events: the residents'
 * notifications about a request ({@code ENTRY_REQUEST}/{@code DELIVERY_REQUEST} with reference
 * {@code EntryRequest}: the request and its reminder, not the guard's own alert) are remembered in
 * {@code entry_request_notification}; each phone's first receipt ({@code NotificationDelivered}) adds one to
 * {@code phones_reached} (a row of {@code entry_request_receipt} per request and phone, so a second receipt, or
 * the reminder shown on the same phone, counts nothing), and the first {@code NotificationRead} sets
 * {@code opened_at}. A notification's events may be handled by another segment than its request's raise: the
 * raise counts what arrived before it.
 */
@Component
@ProcessingGroup(EntryRequestProjection.GROUP)
public class EntryRequestProjection {

    public static final String GROUP = "entry-requests";
    /** Every change of a request, keyed by {@link LiveFeed#society} and {@link LiveFeed#flat}. */
    public static final LiveFeed<EntryRequestView> REQUESTS = LiveFeed.of("entry-requests", EntryRequestView.class);

    private final JdbcTemplate jdbc;
    private final EntryRequestReadModel readModel;
    private final LiveFeeds live;

    public EntryRequestProjection(JdbcTemplate jdbc, EntryRequestReadModel readModel, LiveFeeds live) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.live = live;
    }

    @EventHandler
    void on(EntryRequestRaised event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into entry_request (id, society_id, flat_id, type, status, visitor_name, visitor_phone,
                            provider_tag, photo_key, guard_id, expires_at, created_at, version, phones_reached, opened_at)
                        values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?,
                            (select count(*) from entry_request_receipt where request_id = ?),
                            (select min(opened_at) from entry_request_notification where request_id = ?))
                        on conflict do nothing""",
                event.requestId().value(), event.societyId().value(), event.flatId().value(), event.type().name(),
                event.visitorName(), event.visitorPhone(),
                event.providerTag() == null ? null : event.providerTag().name(), event.photoKey(),
                event.guardId().value(), ts(event.expiresAt()), ts(event.raisedAt()), version,
                event.requestId().value(), event.requestId().value());
        emit(event.requestId().value());
    }

    @EventHandler
    void on(EntryRequestApproved event, @SequenceNumber long version) {
        jdbc.update("""
                        update entry_request set status = 'APPROVED', approved_by_id = ?, approved_at = ?, entry_id = ?,
                            version = ? where id = ? and version < ?""",
                event.approvedBy() == null ? null : event.approvedBy().value(), ts(event.approvedAt()),
                event.entryId().value(), version,
                event.requestId().value(), version);
        emit(event.requestId().value());
    }

    @EventHandler
    void on(EntryRequestRejected event, @SequenceNumber long version) {
        jdbc.update("""
                        update entry_request set status = 'REJECTED', rejected_at = ?, rejection_reason = ?, version = ?
                        where id = ? and version < ?""",
                ts(event.rejectedAt()), event.reason(), version, event.requestId().value(), version);
        emit(event.requestId().value());
    }

    @EventHandler
    void on(EntryRequestExpired event, @SequenceNumber long version) {
        jdbc.update("update entry_request set status = 'EXPIRED', version = ? where id = ? and version < ?",
                version, event.requestId().value(), version);
        emit(event.requestId().value());
    }

    /** Nobody answered for remind-after: the residents were pushed again (shown on the request). */
    @EventHandler
    void on(EntryRequestReminded event, @SequenceNumber long version) {
        jdbc.update("update entry_request set reminded_at = ?, version = ? where id = ? and version < ?",
                ts(event.remindedAt()), version, event.requestId().value(), version);
        emit(event.requestId().value());
    }

    /**
     * Nobody answered for guard-alert-after: the guard's feed shows it, with the flat's residents to call (read from
     * the directory when the request is read: {@link EntryRequestReadModel}).
     */
    @EventHandler
    void on(EntryRequestUnanswered event, @SequenceNumber long version) {
        jdbc.update("update entry_request set guard_alerted_at = ?, version = ? where id = ? and version < ?",
                ts(event.unansweredAt()), version, event.requestId().value(), version);
        emit(event.requestId().value());
    }

    /** An erased visit keeps its request (counts, times, who decided) without the visitor's data. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.VISITOR && jdbc.update("""
                update entry_request set visitor_name = null, visitor_phone = null, photo_key = null,
                    rejection_reason = null, erased = true
                where id = ?""", event.subject().id()) > 0) {
            emit(event.subject().id());
        }
    }

    /**
     * The photo left the object store (its retention ran out, or someone deleted the document): the entry_request no longer
     * shows its key, only when it went. Matched by the object key, which the document's events carry.
     */
    @EventHandler
    void on(DocumentExpired event) {
        photoGone(event.s3Key(), event.expiredAt());
    }

    @EventHandler
    void on(DocumentDeleted event) {
        photoGone(event.s3Key(), event.deletedAt());
    }

    private void photoGone(String s3Key, java.time.Instant at) {
        jdbc.queryForList("update entry_request set photo_key = null, photo_deleted_at = ? where photo_key = ? returning id",
                UUID.class, ts(at), s3Key).forEach(this::emit);
    }

    /** A resident's notification about a request (the request, its reminder): remembered for its receipts. */
    @EventHandler
    void on(NotificationSent event) {
        var content = event.content();
        if (EntryRequestId.REFERENCE_TYPE.equals(content.referenceType()) && content.referenceId() != null
                && (content.type() == NotificationType.ENTRY_REQUEST || content.type() == NotificationType.DELIVERY_REQUEST)) {
            jdbc.update("insert into entry_request_notification (notification_id, request_id) values (?, ?) "
                    + "on conflict do nothing", event.notificationId().value(), UUID.fromString(content.referenceId()));
        }
    }

    /** A phone showed it: one more phone reached, unless this phone already showed this request. */
    @EventHandler
    void on(NotificationDelivered event) {
        UUID request = requestOf(event.notificationId().value());
        if (request == null) {
            return;
        }
        String phone = event.deviceId() != null ? event.deviceId().toString() : "user:" + event.recipient();
        int added = jdbc.update("insert into entry_request_receipt (request_id, phone_key, delivered_at) values (?, ?, ?) "
                + "on conflict do nothing", request, phone, ts(event.deliveredAt()));
        if (added == 1 && jdbc.update("update entry_request set phones_reached = phones_reached + 1 where id = ?",
                request) == 1) {
            emit(request);
        }
    }

    /** A resident opened it: the request shows the first opening. */
    @EventHandler
    void on(NotificationRead event) {
        UUID request = requestOf(event.notificationId().value());
        if (request == null) {
            return;
        }
        jdbc.update("update entry_request_notification set opened_at = ? where notification_id = ? and opened_at is null",
                ts(event.readAt()), event.notificationId().value());
        if (jdbc.update("update entry_request set opened_at = ? where id = ? and opened_at is null",
                ts(event.readAt()), request) == 1) {
            emit(request);
        }
    }

    private UUID requestOf(UUID notification) {
        List<UUID> requests = jdbc.queryForList(
                "select request_id from entry_request_notification where notification_id = ?", UUID.class, notification);
        return requests.isEmpty() ? null : requests.get(0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate entry_request, entry_request_notification, entry_request_receipt");
    }

    /** Sends the request as it is now to the live feeds of its society and its flat. */
    private void emit(UUID id) {
        readModel.find(id).ifPresent(view -> live.publish(REQUESTS, view,
                LiveFeed.society(view.societyId()), LiveFeed.flat(view.flatId())));
    }
}
