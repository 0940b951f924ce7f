package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Problem;
import com.gatehouse.api.privacy.RetentionCommand.ChangeRetention;
import com.gatehouse.api.privacy.RetentionEvent.RetentionChanged;
import com.gatehouse.api.privacy.RetentionId;
import com.gatehouse.api.privacy.RetentionSettings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A society's own retention of personal data (id derived from the society): set by its admins or the platform
 * operator, each value within its bounds ({@link RetentionSettings}); a change is an event (who, when, the new
 * values), and the same values again change nothing. The {@code privacy_retention} row ({@link RetentionPolicies})
 * changes in the command's transaction, so the retention job uses the new values from its next run.
 */
@Aggregate
public class SocietyRetention {

    @AggregateIdentifier
    private RetentionId id;
    private Integer visitorDays;
    private Integer entryPhotoDays;
    private Integer deactivatedDays;

    protected SocietyRetention() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeRetention cmd, RetentionPolicies policies, Clock clock) {
        check("visitorRetentionDays", cmd.visitorRetentionDays(), RetentionSettings.MAX_VISITOR_DAYS);
        check("entryPhotoRetentionDays", cmd.entryPhotoRetentionDays(), RetentionSettings.MAX_ENTRY_PHOTO_DAYS);
        check("deactivatedRetentionDays", cmd.deactivatedRetentionDays(), RetentionSettings.MAX_DEACTIVATED_DAYS);
        if (id != null && Objects.equals(visitorDays, cmd.visitorRetentionDays())
                && Objects.equals(entryPhotoDays, cmd.entryPhotoRetentionDays())
                && Objects.equals(deactivatedDays, cmd.deactivatedRetentionDays())) {
            return;
        }
        var now = clock.instant();
        policies.set(cmd.societyId().value(), cmd.visitorRetentionDays(), cmd.entryPhotoRetentionDays(),
                cmd.deactivatedRetentionDays(), now);
        apply(new RetentionChanged(cmd.retentionId(), cmd.societyId(), cmd.visitorRetentionDays(),
                cmd.entryPhotoRetentionDays(), cmd.deactivatedRetentionDays(), cmd.by(), now));
    }

    private static void check(String field, Integer days, int max) {
        if (days != null && (days < RetentionSettings.MIN_DAYS || days > max)) {
            throw Problem.invalid(field, "must be between " + RetentionSettings.MIN_DAYS + " and " + max
                    + " days, or null for the installation's setting");
        }
    }

    @EventSourcingHandler
    void on(RetentionChanged event) {
        id = event.retentionId();
        visitorDays = event.visitorRetentionDays();
        entryPhotoDays = event.entryPhotoRetentionDays();
        deactivatedDays = event.deactivatedRetentionDays();
    }
}
