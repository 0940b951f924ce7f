package com.gatehouse.server.privacy;

import com.gatehouse.command.privacy.Retention;
import com.gatehouse.server.storage.OrphanSweepTask.Every;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The retention job: every {@code gatehouse.privacy.retention-sweep-interval} (P1D) a db-scheduler recurring task
 * (persistent, one instance at a time) erases what is past its retention ({@link Retention}).
 */
@Configuration
public class PrivacyRetentionTask {

    public static final String NAME = "privacy-retention";

    private final AtomicBoolean ready = new AtomicBoolean();

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready.set(true);
    }

    @Bean
    public RecurringTask<Void> privacyRetention(Retention retention, Clock clock,
                                                @Value("${gatehouse.privacy.retention-sweep-interval:P1D}") Duration every) {
        return Tasks.recurring(NAME, new Every(every)).execute((instance, context) -> {
            if (ready.get()) {
                retention.sweep(clock.instant());
            }
        });
    }
}
