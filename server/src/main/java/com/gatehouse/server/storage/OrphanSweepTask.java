package com.gatehouse.server.storage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.gatehouse.command.upload.OrphanUploads;
import com.gatehouse.command.upload.UploadProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the orphan-upload sweep every {@code gatehouse.upload.orphan-sweep-interval} as a db-scheduler
 * recurring task: persistent in PostgreSQL and run by one instance at a time when several share it.
 */
@Configuration
public class OrphanSweepTask {

    public static final String NAME = "upload-orphan-sweep";

    @Bean
    public RecurringTask<Void> uploadOrphanSweep(OrphanUploads orphans, UploadProperties properties) {
        return Tasks.recurring(NAME, FixedDelay.of(properties.orphanSweepInterval()))
                .execute((instance, context) -> orphans.sweep());
    }
}
