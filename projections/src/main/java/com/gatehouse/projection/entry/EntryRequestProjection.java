package com.gatehouse.projection.entry;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestApproved;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestExpired;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.gatehouse.projection.entry.EntryRequestReadModel.ts;

/**
 * Builds the entry-request read model and feeds the live views: every change is published (at commit, to
 * every instance) to the society's and the flat's feeds. JDBC in the processor's
 * transaction; inserts are insert-if-absent and updates are guarded by the aggregate sequence number, so a
 * re-delivered event changes nothing.
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
                            provider_tag, photo_key, guard_id, expires_at, created_at, version)
                        values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.requestId().value(), event.societyId().value(), event.flatId().value(), event.type().name(),
                event.visitorName(), event.visitorPhone(),
                event.providerTag() == null ? null : event.providerTag().name(), event.photoKey(),
                event.guardId().value(), ts(event.expiresAt()), ts(event.raisedAt()), version);
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

    /** An erased visit keeps its request (counts, times, who decided) without the visitor's data. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.VISITOR && jdbc.update("""
                update entry_request set visitor_name = null, visitor_phone = null, photo_key = null,
                    rejection_reason = null
                where id = ?""", event.subject().id()) > 0) {
            emit(event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate entry_request");
    }

    /** Sends the request as it is now to the live feeds of its society and its flat. */
    private void emit(UUID id) {
        readModel.find(id).ifPresent(view -> live.publish(REQUESTS, view,
                LiveFeed.society(view.societyId()), LiveFeed.flat(view.flatId())));
    }
}
