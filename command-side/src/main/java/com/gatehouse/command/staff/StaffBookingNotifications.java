package com.gatehouse.command.staff;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.api.staff.StaffEvent.StaffBooked;
import com.gatehouse.api.staff.StaffEvent.StaffBookingAccepted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCancelled;
import com.gatehouse.api.staff.StaffEvent.StaffBookingCompleted;
import com.gatehouse.api.staff.StaffEvent.StaffBookingRejected;
import com.gatehouse.api.staff.StaffId;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Tells the booking flat's residents at each step of a staff booking (STAFF_BOOKING), and the society's admins
 * when a booking waits for their confirmation. Shares the staff notifications' processing group (never replayed;
 * each notification's id derives from the event's id, so an event handled twice notifies nobody twice).
 */
@Component
@ProcessingGroup(StaffAttendanceNotifications.GROUP)
@DisallowReplay
public class StaffBookingNotifications {

    public static final String REFERENCE_TYPE = "StaffBooking";

    private final Notifications notifications;

    public StaffBookingNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(StaffBooked event, @MessageIdentifier String eventId) {
        String slot = event.date() + " " + event.startTime() + "-" + event.endTime();
        toFlat(eventId, event.societyId(), event.flatId(), event.staffId(), event.bookingId(), "Booking requested",
                "Your booking for " + slot + " (" + event.workType() + ") waits for the society's confirmation", "PENDING");
        var data = data(event.staffId(), event.bookingId(), "PENDING");
        notifications.toAdmins(eventId, event.societyId(), new NotificationContent(NotificationType.STAFF_BOOKING,
                "Staff booking to confirm", "A flat booked staff for " + slot + " (" + event.workType()
                + "): accept or reject it", data, REFERENCE_TYPE, event.bookingId().toString()));
    }

    @EventHandler
    void on(StaffBookingAccepted event, @MessageIdentifier String eventId) {
        toFlat(eventId, event.societyId(), event.flatId(), event.staffId(), event.bookingId(), "Booking confirmed",
                "Your staff booking is confirmed", "CONFIRMED");
    }

    @EventHandler
    void on(StaffBookingRejected event, @MessageIdentifier String eventId) {
        toFlat(eventId, event.societyId(), event.flatId(), event.staffId(), event.bookingId(), "Booking declined",
                "Your staff booking was declined: " + event.reason(), "REJECTED");
    }

    @EventHandler
    void on(StaffBookingCancelled event, @MessageIdentifier String eventId) {
        toFlat(eventId, event.societyId(), event.flatId(), event.staffId(), event.bookingId(), "Booking cancelled",
                "A staff booking of your flat was cancelled", "CANCELLED");
    }

    @EventHandler
    void on(StaffBookingCompleted event, @MessageIdentifier String eventId) {
        toFlat(eventId, event.societyId(), event.flatId(), event.staffId(), event.bookingId(), "Booking completed",
                "A staff booking of your flat was completed: " + StaffAttendanceNotifications.minutes(event.actualMinutes())
                        + (event.finalCost() == null ? "" : ", cost " + event.finalCost().toPlainString()), "COMPLETED");
    }

    private void toFlat(String eventId, SocietyId society, FlatId flat, StaffId staff, UUID booking, String title,
                        String message, String status) {
        notifications.toResidentsOfFlat(eventId, society, flat, new NotificationContent(NotificationType.STAFF_BOOKING,
                title, message, data(staff, booking, status), REFERENCE_TYPE, booking.toString(),
                DataSubject.staff(staff.value())));
    }

    private static LinkedHashMap<String, Object> data(StaffId staff, UUID booking, String status) {
        var data = new LinkedHashMap<String, Object>();
        data.put("staffId", staff.toString());
        data.put("bookingId", booking.toString());
        data.put("status", status);
        return data;
    }
}
