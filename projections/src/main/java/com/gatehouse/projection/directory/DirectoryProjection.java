package com.gatehouse.projection.directory;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.api.directory.SocietyEvent.BlockAdded;
import com.gatehouse.api.directory.SocietyEvent.FlatAdded;
import com.gatehouse.api.directory.SocietyEvent.SocietyCreated;
import com.gatehouse.api.directory.SocietyEvent.SocietyDeactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyDetailsChanged;
import com.gatehouse.api.directory.SocietyEvent.SocietyReactivated;
import com.gatehouse.api.directory.SocietyEvent.SocietyTimeZoneChanged;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.directory.UserEvent.UserDeactivated;
import com.gatehouse.api.directory.UserEvent.UserMovedToFlat;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.directory.UserEvent.UserRoleChanged;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestApproved;
import com.gatehouse.api.directory.UserEvent.FamilyMemberInvited;
import com.gatehouse.api.directory.UserEvent.FamilyMemberRemoved;
import com.gatehouse.api.directory.UserEvent.FamilyRoleChanged;
import com.gatehouse.api.directory.UserEvent.InvitedMemberActivated;
import com.gatehouse.api.directory.UserEvent.PrimaryResidentAssigned;
import com.gatehouse.api.directory.UserEvent.ProfileUpdated;
import com.gatehouse.api.directory.UserEvent.UserReactivated;
import com.gatehouse.api.directory.UserEvent.UserSignedUp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static com.gatehouse.projection.common.Rows.ts;

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
    private final SocietyZones societies;

    public DirectoryProjection(JdbcTemplate jdbc, SocietyZones societies) {
        this.jdbc = jdbc;
        this.societies = societies;
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
                        insert into directory_flat (id, society_id, block, number, created_at, floor) values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""",
                event.flatId().value(), event.societyId().value(), event.block(), event.number(), ts(event.addedAt()),
                event.floor());
    }

    @EventHandler
    void on(BlockAdded event) {
        jdbc.update("""
                        insert into directory_block (id, society_id, name, floors, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""",
                event.blockId(), event.societyId().value(), event.name(), event.floors(), ts(event.addedAt()));
    }

    @EventHandler
    void on(SocietyDetailsChanged event, @SequenceNumber long version) {
        jdbc.update("""
                        update directory_society set name = ?, city = ?, address = ?, state = ?, pincode = ?,
                            contact_name = ?, contact_phone = ?, contact_email = ?, version = ?
                        where id = ? and version < ?""",
                event.name(), event.city(), event.address(), event.state(), event.pincode(), event.contactName(),
                event.contactPhone(), event.contactEmail(), version, event.societyId().value(), version);
    }

    @EventHandler
    void on(SocietyTimeZoneChanged event, @SequenceNumber long version) {
        updateSociety("time_zone = ?", version, event.societyId().value(), event.timeZone());
    }

    @EventHandler
    void on(SocietyDeactivated event, @SequenceNumber long version) {
        updateSociety("active = false", version, event.societyId().value());
    }

    @EventHandler
    void on(SocietyReactivated event, @SequenceNumber long version) {
        updateSociety("active = true", version, event.societyId().value());
    }

    /** Sets columns of a society row unless it shows this or a later event; every instance forgets its cache. */
    private void updateSociety(String assignments, long version, UUID society, Object... values) {
        Object[] args = java.util.Arrays.copyOf(values, values.length + 3);
        args[values.length] = version;
        args[values.length + 1] = society;
        args[values.length + 2] = version;
        if (jdbc.update("update directory_society set " + assignments + ", version = ? where id = ? and version < ?",
                args) > 0) {
            societies.changed(society);
        }
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into directory_user (id, name, phone, role, society_id, flat_id, active, created_at, version)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?) on conflict do nothing""",
                event.userId().value(), event.name(), Phones.stored(event.phone()), event.role().name(),
                uuid(event.societyId()), uuid(event.flatId()), ts(event.registeredAt()), version);
    }

    @EventHandler
    void on(UserSignedUp event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into directory_user (id, name, phone, role, active, created_at, version)
                        values (?, ?, ?, ?, true, ?, ?) on conflict do nothing""",
                event.userId().value(), event.name(), event.phone(), Role.APPLICANT.name(), ts(event.signedUpAt()),
                version);

    }

    @EventHandler
    void on(FamilyMemberInvited event, @SequenceNumber long version) {
        jdbc.update("""
                        insert into directory_user (id, name, phone, role, society_id, flat_id, active, created_at, version,
                                                    family_role, invited, invited_by)
                        values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, true, ?) on conflict do nothing""",
                event.userId().value(), event.name(), event.phone(), Role.RESIDENT.name(), event.societyId().value(),
                event.flatId().value(), ts(event.invitedAt()), version, event.familyRole().name(),
                event.invitedBy().value());

    }

    @EventHandler
    void on(InvitedMemberActivated event, @SequenceNumber long version) {
        update("active = true, invited = false", version, event.userId());
    }

    @EventHandler
    void on(PrimaryResidentAssigned event, @SequenceNumber long version) {
        update("primary_resident = true", version, event.userId());
    }

    @EventHandler
    void on(FamilyRoleChanged event, @SequenceNumber long version) {
        update("family_role = ?", version, event.userId(), event.familyRole().name());
    }

    @EventHandler
    void on(FamilyMemberRemoved event, @SequenceNumber long version) {
        update("active = false, invited = false, flat_id = null, primary_resident = false", version, event.userId());
    }

    @EventHandler
    void on(ProfileUpdated event, @SequenceNumber long version) {
        update("name = ?, email = ?, photo_key = ?", version, event.userId(), event.name(), event.email(),
                event.photoKey());
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long version) {
        update("active = true", version, event.userId());
    }

    @EventHandler
    void on(OnboardingRequestApproved event, @SequenceNumber long version) {
        update("role = 'RESIDENT', society_id = ?, flat_id = ?, primary_resident = ?", version, event.userId(),
                event.societyId().value(), event.flatId().value(), event.primary());
    }

    /** Sets columns of a user row unless it already shows this or a later event; tells who waits on it. */
    private void update(String assignments, long version, UserId user, Object... values) {
        Object[] args = java.util.Arrays.copyOf(values, values.length + 3);
        args[values.length] = version;
        args[values.length + 1] = user.value();
        args[values.length + 2] = version;
        jdbc.update("update directory_user set " + assignments + ", version = ? where id = ? and version < ?", args);

    }

    @EventHandler
    void on(UserRoleChanged event, @SequenceNumber long version) {
        jdbc.update("update directory_user set role = ?, flat_id = ?, primary_resident = false, version = ? where id = ? and version < ?",
                event.role().name(), uuid(event.flatId()), version, event.userId().value(), version);
    }

    @EventHandler
    void on(UserMovedToFlat event, @SequenceNumber long version) {
        jdbc.update("update directory_user set flat_id = ?, primary_resident = false, version = ? where id = ? and version < ?",
                event.flatId().value(), version, event.userId().value(), version);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long version) {
        jdbc.update("update directory_user set active = false, invited = false, primary_resident = false, version = ? where id = ? and version < ?",
                version, event.userId().value(), version);
    }

    /** An erased user keeps their account row (role, society, flat, active) without name, phone, e-mail, photo. */
    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subject().kind() == DataSubject.Kind.USER) {
            jdbc.update("""
                    update directory_user set name = null, phone = null, email = null, photo_key = null, erased = true
                    where id = ?""",
                    event.subject().id());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate directory_society, directory_flat, directory_user, directory_block");
    }

    private static UUID uuid(Object typedId) {
        return typedId == null ? null : UUID.fromString(typedId.toString());
    }
}
