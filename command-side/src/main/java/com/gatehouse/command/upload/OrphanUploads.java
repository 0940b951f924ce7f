package com.gatehouse.command.upload;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadCommand.AbandonUpload;
import com.gatehouse.api.upload.UploadQuery.FindUnconfirmedUploads;
import com.gatehouse.command.common.CommandSender;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The orphan sweep: uploads whose URL was issued but that were never confirmed would grow the bucket for
 * ever, so those older than {@code gatehouse.upload.orphan-age} are abandoned (and their objects removed
 * by {@link ObjectRemoval}). The server runs {@link #sweep()} as a persistent recurring task; the
 * candidates come from the uploads read model, and each upload re-checks its own state before it goes.
 */
@Component
public class OrphanUploads {

    private static final Logger log = LoggerFactory.getLogger(OrphanUploads.class);
    static final int BATCH = 200;
    static final int MAX_ROUNDS = 50;

    private final CommandSender sender;
    private final QueryGateway queries;
    private final UploadProperties properties;
    private final Clock clock;

    public OrphanUploads(CommandSender sender, QueryGateway queries, UploadProperties properties, Clock clock) {
        this.sender = sender;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Abandons every unconfirmed upload older than the orphan age. */
    public int sweep() {
        return sweep(clock.instant().minus(properties.orphanAge()));
    }

    /**
     * Abandons every unconfirmed upload issued before {@code issuedBefore} (at most {@value #MAX_ROUNDS}
     * batches of {@value #BATCH}; the rest waits for the next run); answers how many were abandoned.
     */
    public int sweep(Instant issuedBefore) {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<UUID> batch = queries.query(new FindUnconfirmedUploads(issuedBefore, BATCH),
                    ResponseTypes.multipleInstancesOf(UUID.class)).join();
            for (UUID id : batch) {
                try {
                    sender.send(Caller.system(), new AbandonUpload(new DocumentId(id), issuedBefore)).block();
                    total++;
                } catch (RuntimeException e) {
                    log.warn("Orphan sweep: could not abandon upload {} (next run tries again)", id, e);
                }
            }
            if (batch.size() < BATCH || !pause()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Orphan sweep: {} upload(s) issued before {} were unconfirmed and are abandoned", total, issuedBefore);
        }
        return total;
    }

    /** Lets the read model drop the abandoned batch before the next one is asked for. */
    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
