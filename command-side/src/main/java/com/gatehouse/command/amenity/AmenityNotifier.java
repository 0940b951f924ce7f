package com.gatehouse.command.amenity;

import com.gatehouse.api.amenity.AmenityEvent.AmenityBooked;
import com.gatehouse.api.amenity.AmenityEvent.BookingApproved;
import com.gatehouse.api.amenity.AmenityEvent.BookingCancelled;
import com.gatehouse.api.amenity.BookingStatus;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Tells the society's admins about a booking that waits for their approval, and the booker when an admin
 * approves or cancels their booking. Type SYSTEM, {@code referenceType "AmenityBooking"}, data
 * {@code {bookingId, amenityId, status}}. A side effect: its own processing group, never replayed.
 */
@Component
@ProcessingGroup(AmenityNotifier.GROUP)
@DisallowReplay
public class AmenityNotifier {

    public static final String GROUP = "amenity-notifications";
    public static final String REFERENCE_TYPE = "AmenityBooking";

    private final Notifications notifications;

    public AmenityNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(AmenityBooked event, @MessageIdentifier String eventId) {
        if (event.status() == BookingStatus.PENDING) {
            notifications.toAdmins(eventId, event.societyId(), content(event.bookingId().toString(),
                    event.amenityId().toString(), BookingStatus.PENDING, "Booking to approve",
                    event.amenityName() + " on " + event.date() + " from " + event.startTime() + " to "
                            + event.endTime() + " waits for approval"));
        }
    }

    @EventHandler
    void on(BookingApproved event, @MessageIdentifier String eventId) {
        notifications.toUser(eventId, event.userId(), event.societyId(), content(event.bookingId().toString(),
                event.amenityId().toString(), BookingStatus.CONFIRMED, "Booking confirmed",
                "Your booking was approved"));
    }

    @EventHandler
    void on(BookingCancelled event, @MessageIdentifier String eventId) {
        if (!event.by().equals(event.userId())) {
            notifications.toUser(eventId, event.userId(), event.societyId(), content(event.bookingId().toString(),
                    event.amenityId().toString(), BookingStatus.CANCELLED, "Booking cancelled",
                    "Your booking was cancelled by the society" + (event.reason() == null ? "" : ": " + event.reason())));
        }
    }

    private static NotificationContent content(String bookingId, String amenityId, BookingStatus status, String title,
                                               String message) {
        return new NotificationContent(NotificationType.SYSTEM, title, message,
                Map.of("bookingId", bookingId, "amenityId", amenityId, "status", status.name()), REFERENCE_TYPE,
                bookingId);
    }
}
