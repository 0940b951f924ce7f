package com.gatehouse.projection.directory;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserMovedToFlat;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.gatehouse.projection.directory.DirectoryReadModel.ts;

/**
 * Builds the directory read model. Runs in the processor's transaction (JDBC), so a row and the
 * token that says it was written commit together; creation is insert-if-absent and changes are
 * guarded by the aggregate sequence number, so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
public class DirectoryProjection {

    public static final String GROUP = "directory";

    private final JdbcTemplate jdbc;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SocietyCreated event) {
        jdbc.update("insert into directory_society (id, name, city, created_at, time_zone) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing", event.societyId().value(), event.name(), event.city(),
                ts(event.createdAt()), event.timeZone() != null ? event.timeZone() : SocietyTimeZones.DEFAULT.getId());
    }

    @EventHandler
    void on(FlatAdded event) {
        jdbc.update("""
                        insert into directory_flat (id, society_id, block, number, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""",
                event.flatId().value(), event.societyId().value(), event.block(), event.number(), ts(event.addedAt()));
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into directory_user (id, name, phone, role, society_id, flat_id, active, created_at, version)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?) on conflict do nothing""",
                event.userId().value(), event.name(), event.phone(), event.role().name(),
                uuid(event.societyId()), uuid(event.flatId()), ts(event.registeredAt()), version);
    }

    @EventHandler
    void on(UserRoleChanged event, @SequenceNumber long version) {
        jdbc.update("update directory_user set role = ?, flat_id = ?, version = ? where id = ? and version < ?",
                event.role().name(), uuid(event.flatId()), version, event.userId().value(), version);
    }

    @EventHandler
    void on(UserMovedToFlat event, @SequenceNumber long version) {
        jdbc.update("update directory_user set flat_id = ?, version = ? where id = ? and version < ?",
                event.flatId().value(), version, event.userId().value(), version);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long version) {
        jdbc.update("update directory_user set active = false, version = ? where id = ? and version < ?",
                version, event.userId().value(), version);
    }

    /** An erased user keeps their account row (role, society, active) without their name and phone. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.USER) {
            jdbc.update("update directory_user set name = null, phone = null where id = ?", event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate directory_society, directory_flat, directory_user");
    }

    private static UUID uuid(Object typedId) {
        return typedId == null ? null : UUID.fromString(typedId.toString());
    }
}
