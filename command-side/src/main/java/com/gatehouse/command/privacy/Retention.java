package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.entry.EntryQuery.FindRequestsShowingPhoto;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadCommand.ExpireDocument;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocumentsConfirmedBefore;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.privacy.RetentionPolicies.Policy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Retention of personal data, by the same erasure people ask for (a {@code PersonalDataErased} event with a reason,
 * no actor), run by a recurring job (server: PrivacyRetentionTask). Subjects under a legal hold ({@link LegalHold})
 * are skipped. How long is the society's own setting where it has one, else the installation's
 * ({@link RetentionPolicies}): each run sweeps every society with settings of its own with them, then the rest with
 * the installation's.
 * <ul>
 *   <li>Visits: a visit's data (name, phone, photo key, in every event about it) is erased
 *   {@code gatehouse.privacy.visitor-retention} (P180D) after the visit, found by the age of its key (made when
 *   the visit's first event was stored). Each visit is its own subject, so a regular visitor's older visits go
 *   before their later ones.</li>
 *   <li>Deactivated residents (and removed family members) and staff members: erased
 *   {@code gatehouse.privacy.deactivated-retention} (P30D) after their deactivation ({@link Deactivations}), unless
 *   reactivated meanwhile.</li>
 *   <li>Entry photos: deleted from the object store {@code gatehouse.privacy.entry-photo-retention} (P90D) after
 *   the photo was taken (its upload's confirmation, at the gate just before the request), as a
 *   {@code DocumentExpired} of the upload (the entry views then show {@code photoDeletedAt} and no key). A photo
 *   shown by a visit under a legal hold is kept while the hold lasts.</li>
 * </ul>
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final JdbcTemplate jdbc;
    private final CommandSender sender;
    private final QueryGateway queries;
    private final LegalHolds holds;
    private final RetentionPolicies policies;

    public Retention(SubjectKeys keys, SubjectErasure erasure, JdbcTemplate jdbc, CommandSender sender,
                     QueryGateway queries, LegalHolds holds, RetentionPolicies policies) {
        this.keys = keys;
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.sender = sender;
        this.queries = queries;
        this.holds = holds;
        this.policies = policies;
    }

    /** Erases (and deletes) everything past its retention at {@code now}, in every society; answers how much. */
    public int sweep(Instant now) {
        Map<UUID, Policy> own = policies.own();
        Policy defaults = policies.defaults();
        int done = sweepVisits(null, own.keySet(), now, defaults.visitor())
                + sweepDeactivated(null, own.keySet(), now, defaults.deactivated())
                + sweepPhotos(null, own.keySet(), now, defaults.entryPhoto());
        for (var society : own.entrySet()) {
            Policy policy = society.getValue();
            done += sweepVisits(society.getKey(), Set.of(), now, policy.visitor())
                    + sweepDeactivated(society.getKey(), Set.of(), now, policy.deactivated())
                    + sweepPhotos(society.getKey(), Set.of(), now, policy.entryPhoto());
        }
        return done;
    }

    /** The visits older than the society's retention at {@code now} ({@code null}: every society, one policy). */
    public int sweep(UUID society, Instant now) {
        return sweepVisits(society, Set.of(), now, policies.of(society).visitor());
    }

    /**
     * The users and staff members deactivated longer than the society's retention at {@code now} and not held
     * ({@code null}: every society); each leaves the deactivation table once erased.
     */
    public int sweepDeactivated(UUID society, Instant now) {
        return sweepDeactivated(society, Set.of(), now, policies.of(society).deactivated());
    }

    /**
     * Deletes the entry photos taken longer ago than the society's retention at {@code now} ({@code null}: every
     * society); answers how many. Each document re-checks its own state (a photo already gone changes nothing).
     */
    public int sweepPhotos(UUID society, Instant now) {
        return sweepPhotos(society, Set.of(), now, policies.of(society).entryPhoto());
    }

    private int sweepVisits(UUID society, Collection<UUID> except, Instant now, Duration retention) {
        Instant cutoff = now.minus(retention);
        int erased = 0;
        while (true) {
            var aged = keys.olderThan(DataSubject.Kind.VISITOR, cutoff, society, except, BATCH);
            for (var visit : aged) {
                erase(visit.subject(), visit.societyId(),
                        "retention: visitors' data is kept " + retention.toDays() + " days after the visit");
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

    private int sweepDeactivated(UUID society, Collection<UUID> except, Instant now, Duration retention) {
        Instant cutoff = now.minus(retention);
        int erased = 0;
        while (true) {
            List<Deactivated> due = jdbc.query("""
                            select subject_id, subject_kind, society_id from privacy_deactivation d
                            where deactivated_at < ? and (?::uuid is null or society_id = ?)
                              and (society_id is null or not (society_id = any(?::uuid[])))
                              and not exists (select 1 from legal_hold h where h.subject_id = d.subject_id)
                            order by deactivated_at limit ?""",
                    (rs, i) -> new Deactivated(new DataSubject(DataSubject.Kind.valueOf(rs.getString("subject_kind")),
                            rs.getObject("subject_id", UUID.class)), rs.getObject("society_id", UUID.class)),
                    Timestamp.from(cutoff), society, society, SubjectKeys.uuidArray(except), BATCH);
            for (var person : due) {
                erase(person.subject(), person.societyId(), "retention: a deactivated "
                        + (person.subject().kind() == DataSubject.Kind.STAFF ? "staff member" : "account")
                        + "'s data is kept " + retention.toDays() + " days after the deactivation");
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

    private int sweepPhotos(UUID society, Collection<UUID> except, Instant now, Duration retention) {
        Instant cutoff = now.minus(retention);
        String reason = "retention: entry photos are kept " + retention.toDays() + " days";
        int deleted = 0;
        Instant afterCreatedAt = null;
        UUID afterId = null;
        while (true) {
            List<DocumentView> page = queries.query(new FindDocumentsConfirmedBefore(UploadPurpose.ENTRY_PHOTO,
                    society, List.copyOf(except), cutoff, afterCreatedAt, afterId, BATCH),
                    ResponseTypes.multipleInstancesOf(DocumentView.class)).join();
            for (DocumentView photo : page) {
                if (!held(photo.s3Key()) && Boolean.TRUE.equals(sender.<Boolean>send(Caller.system(),
                        new ExpireDocument(new DocumentId(photo.id()), cutoff, reason)).block())) {
                    deleted++;
                }
            }
            if (page.size() < BATCH) {
                break;
            }
            afterCreatedAt = page.get(page.size() - 1).createdAt();
            afterId = page.get(page.size() - 1).id();
        }
        if (deleted > 0) {
            log.info("Retention deleted {} entry photos", deleted);
        }
        return deleted;
    }

    /** Whether a visit that shows the photo is under a legal hold. */
    private boolean held(String photoKey) {
        return queries.query(new FindRequestsShowingPhoto(photoKey), ResponseTypes.multipleInstancesOf(UUID.class))
                .join().stream().anyMatch(visit -> holds.reasonFor(visit).isPresent());
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
