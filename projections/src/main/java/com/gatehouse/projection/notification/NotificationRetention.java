package com.gatehouse.projection.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Removes read-model rows of notifications sent longer ago than {@code gatehouse.notifications.retention};
 * the events stay. Runs at start-up and then hourly as a db-scheduler task (one instance at a time),
 * deleting in batches so it never holds long locks.
 */
@Component
public class NotificationRetention {

    private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);
    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final NotificationSettings settings;
    private final Clock clock;

    public NotificationRetention(JdbcTemplate jdbc, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    public static RecurringTask<Void> notificationRetentionTask(NotificationRetention retention) {
        return Tasks.recurring("notification-retention", FixedDelay.ofHours(1))
                .execute((instance, context) -> retention.purge());
    }

    /** @return how many rows were removed */
    public int purge() {
        var cutoff = settings.cutoff(clock.instant()).atOffset(ZoneOffset.UTC);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    delete from notification where id in (
                        select id from notification where created_at < ? limit ?)""", cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Removed {} notifications sent before {} from the read model", total, cutoff);
        }
        return total;
    }
}
