package com.gatehouse.server.storage;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.gatehouse.command.upload.OrphanUploads;
import com.gatehouse.command.upload.UploadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the orphan-upload sweep every {@code gatehouse.upload.orphan-sweep-interval} as a db-scheduler
 * recurring task: persistent in PostgreSQL and run by one instance at a time when several share it. The
 * scheduler starts before Axon's handlers are subscribed, so a run that falls due during start-up (first
 * start, or a run missed while the server was down) waits for the next interval.
 */
@Configuration
public class OrphanSweepTask {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweepTask.class);
    public static final String NAME = "upload-orphan-sweep";

    private final AtomicBoolean ready = new AtomicBoolean();

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready.set(true);
    }

    @Bean
    public RecurringTask<Void> uploadOrphanSweep(OrphanUploads orphans, UploadProperties properties) {
        return Tasks.recurring(NAME, new Every(properties.orphanSweepInterval()))
                .execute((instance, context) -> {
                    if (ready.get()) {
                        orphans.sweep();
                    } else {
                        log.info("Orphan upload sweep skipped while the server starts; next run in {}",
                                properties.orphanSweepInterval());
                    }
                });
    }

    /** Every {@code interval} after the previous run ended, the first one an interval after the first start. */
    public record Every(Duration interval) implements Schedule {
        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return executionComplete.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
