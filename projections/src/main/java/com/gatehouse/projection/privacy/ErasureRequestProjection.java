package com.gatehouse.projection.privacy;

import com.gatehouse.api.privacy.ErasureRequestEvent.ErasureRequestCarriedOut;
import com.gatehouse.api.privacy.ErasureRequestEvent.ErasureRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The erasure requests read model (no personal data: ids, status, times; the name shown is the directory's).
 * Idempotent: insert-if-absent, and a request carried out stays so.
 */
@Component
@ProcessingGroup(ErasureRequestProjection.GROUP)
public class ErasureRequestProjection {

    public static final String GROUP = "erasure-requests";

    private final JdbcTemplate jdbc;

    public ErasureRequestProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ErasureRequested event) {
        jdbc.update("""
                        insert into erasure_request (id, society_id, user_id, status, requested_at)
                        values (?, ?, ?, 'PENDING', ?) on conflict do nothing""",
                event.requestId().value(), event.societyId().value(), event.userId().value(),
                Timestamp.from(event.requestedAt()));
    }

    @EventHandler
    void on(ErasureRequestCarriedOut event) {
        jdbc.update("""
                        update erasure_request set status = 'CARRIED_OUT', carried_out_at = ?, carried_out_by = ?
                        where id = ? and status = 'PENDING'""",
                Timestamp.from(event.carriedOutAt()), event.by() == null ? null : event.by().value(),
                event.requestId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate erasure_request");
    }
}
