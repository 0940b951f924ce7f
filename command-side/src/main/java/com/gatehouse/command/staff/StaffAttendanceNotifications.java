package com.gatehouse.command.staff;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedIn;
import com.gatehouse.api.staff.AttendanceEvent.StaffCheckedOut;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;

/**
 * Tells every resident of every flat a staff member works for when they check in and out (the contract's
 * STAFF_CHECKIN / STAFF_CHECKOUT). A side effect: its own processing group, never replayed; each
 * notification's id derives from the event's id, so handling an event twice notifies nobody twice.
 * <p>
 * A visit closed automatically (nobody checked the staff member out) says so instead of "checked out",
 * and its data carries {@code autoClosed: true}: the contract is silent on that case.
 */
@Component
@ProcessingGroup(StaffAttendanceNotifications.GROUP)
@DisallowReplay
public class StaffAttendanceNotifications {

    public static final String GROUP = "staff-notifications";
    public static final String REFERENCE_TYPE = "StaffAttendance";

    private final Notifications notifications;

    public StaffAttendanceNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(StaffCheckedIn event, @MessageIdentifier String eventId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("staffId", event.staffId().toString());
        data.put("staffName", event.staffName());
        data.put("staffType", event.staffType().name());
        data.put("checkInTime", event.checkInTime().toString());
        var content = new NotificationContent(NotificationType.STAFF_CHECKIN, "Staff Check-In",
                event.staffName() + " (" + event.staffType() + ") has checked in", data, REFERENCE_TYPE,
                event.attendanceId().toString(), DataSubject.staff(event.staffId().value()));
        for (FlatId flat : event.flatIds()) {
            notifications.toResidentsOfFlat(eventId, event.societyId(), flat, content);
        }
    }

    @EventHandler
    void on(StaffCheckedOut event, @MessageIdentifier String eventId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("staffId", event.staffId().toString());
        data.put("staffName", event.staffName());
        data.put("staffType", event.staffType().name());
        data.put("checkInTime", event.checkInTime().toString());
        data.put("checkOutTime", event.checkOutTime().toString());
        data.put("duration", event.durationMinutes());
        String who = event.staffName() + " (" + event.staffType() + ")";
        String message = who + " checked out. Duration: " + minutes(event.durationMinutes());
        if (event.autoClosed()) {
            data.put("autoClosed", true);
            message = who + " was checked out automatically: no check-out was recorded. Duration: "
                    + minutes(event.durationMinutes());
        }
        var content = new NotificationContent(NotificationType.STAFF_CHECKOUT, "Staff Check-Out", message,
                data, REFERENCE_TYPE, event.attendanceId().toString(), DataSubject.staff(event.staffId().value()));
        for (FlatId flat : event.flatIds()) {
            notifications.toResidentsOfFlat(eventId, event.societyId(), flat, content);
        }
    }

    /** The contract's "{n} minutes", but "1 minute" for one. */
    static String minutes(long n) {
        return n + (n == 1 ? " minute" : " minutes");
    }
}
