package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Retention of personal data, by the same erasure people ask for (a {@code PersonalDataErased} event with a reason,
 * no actor), run by a recurring job (server: PrivacyRetentionTask). Subjects under a legal hold ({@link LegalHold})
 * are skipped.
 * <ul>
 *   <li>Visits: a visit's data (name, phone, photo key, in every event about it) is erased
 *   {@code gatehouse.privacy.visitor-retention} (P180D) after the visit, found by the age of its key (made when
 *   the visit's first event was stored). Each visit is its own subject, so a regular visitor's older visits go
 *   before their later ones.</li>
 *   <li>Deactivated residents (and removed family members) and staff members: erased
 *   {@code gatehouse.privacy.deactivated-retention} (P30D) after their deactivation ({@link Deactivations}), unless
 *   reactivated meanwhile.</li>
 * </ul>
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final JdbcTemplate jdbc;
    private final Duration visitorRetention;
    private final Duration deactivatedRetention;

    public Retention(SubjectKeys keys, SubjectErasure erasure, JdbcTemplate jdbc,
                     @Value("${gatehouse.privacy.visitor-retention:P180D}") Duration visitorRetention,
                     @Value("${gatehouse.privacy.deactivated-retention:P30D}") Duration deactivatedRetention) {
        this.keys = keys;
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.visitorRetention = visitorRetention;
        this.deactivatedRetention = deactivatedRetention;
    }

    public Duration visitorRetention() {
        return visitorRetention;
    }

    /** Erases everything past its retention at {@code now}; answers how many subjects. */
    public int sweep(Instant now) {
        return sweep(null, now) + sweepDeactivated(null, now);
    }

    /** The visits older than the retention at {@code now}, of one society ({@code null}: every society). */
    public int sweep(UUID society, Instant now) {
        Instant cutoff = now.minus(visitorRetention);
        int erased = 0;
        while (true) {
            var aged = keys.olderThan(DataSubject.Kind.VISITOR, cutoff, society, BATCH);
            for (var visit : aged) {
                erase(visit.subject(), visit.societyId(),
                        "retention: visitors' data is kept " + visitorRetention.toDays() + " days after the visit");
                erased++;
            }
            if (aged.size() < BATCH) {
                break;
            }
        }
        if (erased > 0) {
            log.info("Retention erased the personal data of {} visits", erased);
        }
        return erased;
    }

    /**
     * The users and staff members deactivated longer than the retention at {@code now} and not held, of one society
     * ({@code null}: every society); each leaves the deactivation table once erased.
     */
    public int sweepDeactivated(UUID society, Instant now) {
        Instant cutoff = now.minus(deactivatedRetention);
        int erased = 0;
        while (true) {
            List<Deactivated> due = jdbc.query("""
                            select subject_id, subject_kind, society_id from privacy_deactivation d
                            where deactivated_at < ? and (?::uuid is null or society_id = ?)
                              and not exists (select 1 from legal_hold h where h.subject_id = d.subject_id)
                            order by deactivated_at limit ?""",
                    (rs, i) -> new Deactivated(new DataSubject(DataSubject.Kind.valueOf(rs.getString("subject_kind")),
                            rs.getObject("subject_id", UUID.class)), rs.getObject("society_id", UUID.class)),
                    Timestamp.from(cutoff), society, society, BATCH);
            for (var person : due) {
                erase(person.subject(), person.societyId(), "retention: a deactivated "
                        + (person.subject().kind() == DataSubject.Kind.STAFF ? "staff member" : "account")
                        + "'s data is kept " + deactivatedRetention.toDays() + " days after the deactivation");
                jdbc.update("delete from privacy_deactivation where subject_id = ?", person.subject().id());
                erased++;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (erased > 0) {
            log.info("Retention erased the personal data of {} deactivated people", erased);
        }
        return erased;
    }

    private record Deactivated(DataSubject subject, UUID societyId) {
    }

    private void erase(DataSubject subject, UUID society, String reason) {
        // the photo's key from the read model when it still knows the subject; the society as recorded
        var known = erasure.find(subject).blockOptional()
                .orElse(new SubjectErasure.Known(Optional.ofNullable(society), null));
        erasure.erase(Caller.system(), subject, known, reason, null).block();
    }
}
