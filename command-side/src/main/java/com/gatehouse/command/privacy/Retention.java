package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Retention of visitors' personal data: a visit's data (name, phone, photo key, in every event about it) is erased
 * {@code gatehouse.privacy.visitor-retention} (P180D) after the visit, by the same erasure people ask for (a
 * {@code PersonalDataErased} event with a reason, no actor). Run by a recurring job (server: PrivacyRetentionTask);
 * a visit is found by the age of its key (made when the visit's first event was stored). Each visit is its own
 * subject, so a regular visitor's older visits go before their later ones.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final Duration visitorRetention;

    public Retention(SubjectKeys keys, SubjectErasure erasure,
                     @Value("${gatehouse.privacy.visitor-retention:P180D}") Duration visitorRetention) {
        this.keys = keys;
        this.erasure = erasure;
        this.visitorRetention = visitorRetention;
    }

    public Duration visitorRetention() {
        return visitorRetention;
    }

    /** Erases the visits older than the retention at {@code now}; answers how many. */
    public int sweep(Instant now) {
        return sweep(null, now);
    }

    /** The same for one society ({@code null}: every society). */
    public int sweep(UUID society, Instant now) {
        Instant cutoff = now.minus(visitorRetention);
        int erased = 0;
        while (true) {
            var aged = keys.olderThan(DataSubject.Kind.VISITOR, cutoff, society, BATCH);
            for (var visit : aged) {
                // the photo's key from the read model when it still knows the visit; the society from the key
                var known = erasure.find(visit.subject()).blockOptional().orElse(
                        new SubjectErasure.Known(java.util.Optional.ofNullable(visit.societyId()), null));
                erasure.erase(Caller.system(), visit.subject(), known,
                        "retention: visitors' data is kept " + visitorRetention.toDays() + " days after the visit",
                        null).block();
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
}
