package com.gatehouse.projection.delivery;

import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDefined;
import com.gatehouse.api.delivery.DeliveryEvent.AutoApproveRuleDeleted;
import com.gatehouse.api.delivery.DeliveryEvent.DeliveryExpected;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryCancelled;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimReleased;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryClaimed;
import com.gatehouse.api.delivery.DeliveryEvent.ExpectedDeliveryLapsed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.TreeSet;
import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;
import static com.gatehouse.projection.delivery.DeliveryReadModel.json;
import static com.gatehouse.projection.delivery.DeliveryReadModel.sqlTime;

/** Builds the expected-delivery and auto-approve-rule tables. Idempotent: rows keep the sequence number they reflect. */
@Component
@ProcessingGroup(DeliveryProjection.GROUP)
public class DeliveryProjection {

    public static final String GROUP = "deliveries";

    private final JdbcTemplate jdbc;

    public DeliveryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeliveryExpected event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into expected_delivery (id, society_id, flat_id, created_by_id, company, item_name,
                            expected_date, time_from, time_until, status, created_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EXPECTED', ?, ?) on conflict do nothing""",
                event.expectedDeliveryId().value(), event.societyId().value(), event.flatId().value(),
                event.createdBy().value(), event.company().name(), event.itemName(), Date.valueOf(event.expectedDate()),
                sqlTime(event.timeFrom()), sqlTime(event.timeUntil()), ts(event.createdAt()), version);
    }

    @EventHandler
    void on(ExpectedDeliveryClaimed event, @SequenceNumber long version) {
        jdbc.update("""
                        update expected_delivery set status = 'CLAIMED', claimed_by_request_id = ?, used_at = ?, version = ?
                        where id = ? and version < ?""",
                event.requestId().value(), ts(event.claimedAt()), version, event.expectedDeliveryId().value(), version);
    }

    @EventHandler
    void on(ExpectedDeliveryClaimReleased event, @SequenceNumber long version) {
        jdbc.update("""
                        update expected_delivery set status = 'EXPECTED', claimed_by_request_id = null, used_at = null,
                            version = ? where id = ? and version < ?""",
                version, event.expectedDeliveryId().value(), version);
    }

    @EventHandler
    void on(ExpectedDeliveryCancelled event, @SequenceNumber long version) {
        status(event.expectedDeliveryId().value(), "CANCELLED", version);
    }

    @EventHandler
    void on(ExpectedDeliveryLapsed event, @SequenceNumber long version) {
        status(event.expectedDeliveryId().value(), "LAPSED", version);
    }

    @EventHandler
    void on(AutoApproveRuleDefined event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into auto_approve_rule (id, society_id, flat_id, created_by_id, companies, allowed_days,
                            time_from, time_until, active, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set companies = excluded.companies,
                            allowed_days = excluded.allowed_days, time_from = excluded.time_from,
                            time_until = excluded.time_until, active = excluded.active,
                            updated_at = excluded.updated_at, version = excluded.version
                        where auto_approve_rule.version < excluded.version""",
                event.ruleId().value(), event.societyId().value(), event.flatId().value(), event.by().value(),
                json(new TreeSet<>(event.companies())), json(new TreeSet<>(event.allowedDays())),
                sqlTime(event.timeFrom()), sqlTime(event.timeUntil()), event.active(), ts(event.at()), ts(event.at()),
                version);
    }

    @EventHandler
    void on(AutoApproveRuleDeleted event) {
        jdbc.update("delete from auto_approve_rule where id = ?", event.ruleId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate expected_delivery, auto_approve_rule");
    }

    private void status(UUID id, String status, long version) {
        jdbc.update("update expected_delivery set status = ?, version = ? where id = ? and version < ?",
                status, version, id, version);
    }

}
