package com.gatehouse.command.privacy;

import com.gatehouse.api.common.DataSubject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * The subjects under a legal hold (table {@code legal_hold}, command side), written by the {@link LegalHold}
 * aggregate in its command's transaction; asked by {@link Erasure} (a held subject is not erased) and by
 * {@link Retention} (held subjects are skipped).
 */
@Component
public class LegalHolds {

    private final JdbcTemplate jdbc;

    public LegalHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void place(DataSubject subject, UUID society, String reason, UUID by, Instant at) {
        jdbc.update("""
                        insert into legal_hold (subject_id, subject_kind, society_id, reason, placed_by, placed_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (subject_id) do nothing""",
                subject.id(), subject.kind().name(), society, reason, by, Timestamp.from(at));
    }

    void release(DataSubject subject) {
        jdbc.update("delete from legal_hold where subject_id = ?", subject.id());
    }

    /** Why the subject is held, if they are. */
    public Optional<String> reasonFor(UUID subjectId) {
        return jdbc.queryForList("select reason from legal_hold where subject_id = ?", String.class, subjectId)
                .stream().findFirst();
    }
}
