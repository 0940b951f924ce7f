package com.gatehouse.projection.directory;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserMovedToFlat;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserRoleChanged;
import com.gatehouse.projection.common.Subscribers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
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
    private final DirectoryReadModel readModel;
    private final QueryUpdateEmitter emitter;

    public DirectoryProjection(JdbcTemplate jdbc, DirectoryReadModel readModel, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.readModel = readModel;
        this.emitter = emitter;
    }

    @EventHandler
    void on(SocietyCreated event) {
        jdbc.update("insert into directory_society (id, name, city, created_at, time_zone) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing", event.societyId().value(), event.name(), event.city(),
                ts(event.createdAt()), event.timeZone() != null ? event.timeZone() : SocietyTimeZones.DEFAULT.getId());
        UUID id = event.societyId().value();
        if (watched(FindSociety.class)) {
            readModel.society(id).ifPresent(view -> emitter.emit(FindSociety.class, q -> q.societyId().equals(id), view));
        }
    }

    @EventHandler
    void on(FlatAdded event) {
        jdbc.update("""
                        insert into directory_flat (id, society_id, block, number, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""",
                event.flatId().value(), event.societyId().value(), event.block(), event.number(), ts(event.addedAt()));
        UUID id = event.flatId().value();
        if (watched(FindFlat.class)) {
            readModel.flat(id).ifPresent(view -> emitter.emit(FindFlat.class, q -> q.flatId().equals(id), view));
        }
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into directory_user (id, name, phone, role, society_id, flat_id, active, created_at, version)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?) on conflict do nothing""",
                event.userId().value(), event.name(), event.phone(), event.role().name(),
                uuid(event.societyId()), uuid(event.flatId()), ts(event.registeredAt()), version);
        emitUser(event.userId().value());
    }

    @EventHandler
    void on(UserRoleChanged event, @SequenceNumber long version) {
        jdbc.update("update directory_user set role = ?, flat_id = ?, version = ? where id = ? and version < ?",
                event.role().name(), uuid(event.flatId()), version, event.userId().value(), version);
        emitUser(event.userId().value());
    }

    @EventHandler
    void on(UserMovedToFlat event, @SequenceNumber long version) {
        jdbc.update("update directory_user set flat_id = ?, version = ? where id = ? and version < ?",
                event.flatId().value(), version, event.userId().value(), version);
        emitUser(event.userId().value());
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long version) {
        jdbc.update("update directory_user set active = false, version = ? where id = ? and version < ?",
                version, event.userId().value(), version);
        emitUser(event.userId().value());
    }

    /** An erased user keeps their account row (role, society, active) without their name and phone. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.USER
                && jdbc.update("update directory_user set name = null, phone = null where id = ?",
                event.subject().id()) > 0) {
            emitUser(event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate directory_society, directory_flat, directory_user");
    }

    private boolean watched(Class<?> queryType) {
        return Subscribers.waitingFor(emitter, queryType);
    }

    private void emitUser(UUID id) {
        if (!watched(FindUser.class)) {
            return;
        }
        readModel.user(id).ifPresent(view -> emitter.emit(FindUser.class, q -> q.userId().equals(id), view));
    }

    private static UUID uuid(Object typedId) {
        return typedId == null ? null : UUID.fromString(typedId.toString());
    }
}
