package com.gatehouse.api.common;

import com.gatehouse.api.directory.UserEvent.UserRegistered;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryEvent.EntryOverstayed;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRejected;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationEvent.NotificationSent;
import com.gatehouse.api.notification.NotificationId;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.api.staff.StaffEvent.StaffRegistered;
import com.gatehouse.api.staff.StaffEvent.StaffUpdated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

    @Test
    void theMarkedFieldsOfEachEventAreTheOnesThatNameAPerson() {
        assertThat(names(UserRegistered.class)).containsExactly("name", "phone");
        assertThat(names(EntryRequestRaised.class)).containsExactly("visitorName", "visitorPhone", "photoKey", "vehicleNumber");
        assertThat(names(EntryRequestRejected.class)).containsExactly("reason");
        assertThat(names(EntryAdmitted.class)).containsExactly("visitorName", "visitorPhone", "photoKey", "vehicleNumber");
        assertThat(names(EntryOverstayed.class)).containsExactly("visitorName");
        assertThat(names(StaffRegistered.class)).containsExactly("name", "phone", "photoKey");
        assertThat(names(StaffUpdated.class)).containsExactly("name", "phone", "photoKey");
        assertThat(names(StaffCheckedIn.class)).containsExactly("staffName");
        assertThat(names(StaffCheckedOut.class)).containsExactly("staffName");
        assertThat(names(NotificationContent.class)).containsExactly("message", "data");
        assertThat(PersonalFields.of(NotificationSent.class).nested()).containsExactly("content");
        assertThat(PersonalFields.of(EntryRequestId.class).isEmpty()).isTrue();
    }

    @Test
    void theSubjectComesFromTheNamedComponentOfTheSameRecord() {
        var request = new EntryRequestId(UUID.randomUUID());
        var raised = new EntryRequestRaised(request, new SocietyId(UUID.randomUUID()), new FlatId(UUID.randomUUID()),
                UserId.random(), EntryType.VISITOR, "Asha", "9000000001", null, null, Instant.EPOCH, Instant.EPOCH, "s");
        assertThat(PersonalFields.subjectsOf(raised)).containsExactly(DataSubject.visitor(request.value()));

        var staff = UUID.randomUUID();
        var about = new NotificationContent(NotificationType.STAFF_CHECKIN, "t", "Ravi checked in", Map.of(), "x", "y",
                DataSubject.staff(staff));
        var sent = new NotificationSent(new NotificationId(UUID.randomUUID()), UserId.random(),
                new SocietyId(UUID.randomUUID()), about, Instant.EPOCH);
        assertThat(PersonalFields.subjectsOf(sent)).containsExactly(DataSubject.staff(staff));

        var nobody = new NotificationContent(NotificationType.SYSTEM, "t", "Water cut at 10", Map.of(), null, null);
        assertThat(PersonalFields.subjectsOf(nobody)).isEmpty();
    }

    @Test
    void anEntryLetInByAPreApprovalIsFiledUnderThePreApprovalAndOneByARequestUnderTheRequest() {
        var society = new SocietyId(UUID.randomUUID());
        var flat = new FlatId(UUID.randomUUID());
        UUID preApproval = UUID.randomUUID();
        var byPreApproval = new EntryAdmitted(new EntryId(UUID.randomUUID()), null, society, flat, EntryType.VISITOR,
                "Asha", "9000000001", null, null, UserId.random(), UserId.random(), Instant.EPOCH, Instant.EPOCH, "s",
                preApproval, "PRE_APPROVED", "KA01", null);
        assertThat(PersonalFields.subjectsOf(byPreApproval)).containsExactly(DataSubject.visitor(preApproval));
        var overstayed = new EntryOverstayed(byPreApproval.entryId(), null, society, flat, EntryType.VISITOR, "Asha",
                null, Instant.EPOCH, Instant.EPOCH, preApproval);
        assertThat(PersonalFields.subjectsOf(overstayed)).containsExactly(DataSubject.visitor(preApproval));

        var request = new EntryRequestId(UUID.randomUUID());
        var byRequest = new EntryAdmitted(new EntryId(UUID.randomUUID()), request, society, flat, EntryType.VISITOR,
                "Asha", "9000000001", null, null, UserId.random(), UserId.random(), Instant.EPOCH, Instant.EPOCH, "s");
        assertThat(PersonalFields.subjectsOf(byRequest)).containsExactly(DataSubject.visitor(request.value()));
    }

    record NoSuchId(UUID id, @PersonalData(subject = DataSubject.Kind.USER, idFrom = "userId") String name) {
    }

    record TwoKinds(UUID id, @PersonalData(subject = {DataSubject.Kind.USER, DataSubject.Kind.STAFF}, idFrom = "id")
    String name) {
    }

    record NotAnId(String id, int count, @PersonalData(subject = DataSubject.Kind.USER, idFrom = "count") String name) {
    }

    @Test
    void aMarkThatDoesNotNameItsSubjectIsRefusedWhenFirstRead() {
        assertThatThrownBy(() -> PersonalFields.of(NoSuchId.class)).hasMessageContaining("names no component 'userId'");
        assertThatThrownBy(() -> PersonalFields.of(TwoKinds.class)).hasMessageContaining("exactly one subject kind");
        assertThatThrownBy(() -> PersonalFields.of(NotAnId.class)).hasMessageContaining("must be a UUID");
    }

    /** Every record of shared-api (events of every context, also the ones added later) has a valid plan. */
    @Test
    void everyMarkInSharedApiNamesItsSubject() throws Exception {
        var root = java.nio.file.Path.of(PersonalData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> marked = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!PersonalFields.of(type).isEmpty()) {
                    marked.add(type);
                }
            }
        }
        assertThat(marked).contains(UserRegistered.class, EntryRequestRaised.class, NotificationSent.class);
    }

    private static List<String> names(Class<?> type) {
        return PersonalFields.of(type).marks().stream().map(PersonalFields.Mark::name).toList();
    }
}
