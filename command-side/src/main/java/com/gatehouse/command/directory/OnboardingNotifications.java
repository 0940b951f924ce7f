package com.gatehouse.command.directory;

import com.gatehouse.api.directory.OnboardingEvent;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingDocumentsResubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestApproved;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestRejected;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingRequestSubmitted;
import com.gatehouse.api.directory.OnboardingEvent.OnboardingResubmissionRequested;
import com.gatehouse.api.directory.OnboardingStatus;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the applicant each step of their onboarding (ONBOARDING_STATUS): submitted, approved, rejected (with
 * the reason), documents asked for again (with the reason and the types), resubmitted. A side effect: its own
 * processing group, never replayed; ids derive from the event, so nothing is notified twice. The society's
 * admins are told of new and resubmitted requests too.
 */
@Component
@ProcessingGroup(OnboardingNotifications.GROUP)
@DisallowReplay
public class OnboardingNotifications {

    public static final String GROUP = "onboarding-notifications";
    public static final String REFERENCE_TYPE = "OnboardingRequest";

    private final Notifications notifications;

    public OnboardingNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(OnboardingRequestSubmitted event, @MessageIdentifier String eventId) {
        toApplicant(eventId, event, "Onboarding request submitted",
                "Your request is with the society's admin for review (usually 24-48 hours).", Map.of());
        notifications.toAdmins(eventId, event.societyId(), content(event, "New onboarding request",
                "A new " + event.residentType().name().toLowerCase() + " asks to join flat " + event.block()
                        + " (" + event.flatId() + ").", Map.of()));
    }

    @EventHandler
    void on(OnboardingRequestApproved event, @MessageIdentifier String eventId) {
        toApplicant(eventId, event, "Onboarding approved",
                "Welcome! Your request was approved: you are now a resident. Sign in again to continue.",
                Map.of("flatId", event.flatId().toString(), "primaryResident", event.primary()));
    }

    @EventHandler
    void on(OnboardingRequestRejected event, @MessageIdentifier String eventId) {
        toApplicant(eventId, event, "Onboarding rejected", "Your request was rejected: " + event.reason(),
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(OnboardingResubmissionRequested event, @MessageIdentifier String eventId) {
        toApplicant(eventId, event, "Documents needed again",
                "Please upload again: " + event.documentsToResubmit() + ". " + event.reason(),
                Map.of("reason", event.reason(), "documentsToResubmit",
                        event.documentsToResubmit().stream().map(Enum::name).toList()));
    }

    @EventHandler
    void on(OnboardingDocumentsResubmitted event, @MessageIdentifier String eventId) {
        toApplicant(eventId, event, "Documents resubmitted", "Your documents are with the admin for review again.",
                Map.of());
        notifications.toAdmins(eventId, event.societyId(), content(event, "Onboarding documents resubmitted",
                "An applicant sent the documents asked for.", Map.of()));
    }

    private void toApplicant(String eventId, OnboardingEvent event, String title, String message,
                             Map<String, Object> extra) {
        notifications.toUser(eventId, event.userId(), event.societyId(), content(event, title, message, extra));
    }

    private static OnboardingStatus statusAfter(OnboardingEvent event) {
        if (event instanceof OnboardingRequestApproved) {
            return OnboardingStatus.APPROVED;
        }
        if (event instanceof OnboardingRequestRejected) {
            return OnboardingStatus.REJECTED;
        }
        if (event instanceof OnboardingResubmissionRequested) {
            return OnboardingStatus.RESUBMIT_REQUESTED;
        }
        return OnboardingStatus.PENDING_APPROVAL;
    }

    private static NotificationContent content(OnboardingEvent event, String title, String message,
                                               Map<String, Object> extra) {
        var data = new LinkedHashMap<String, Object>();
        data.put("requestId", event.requestId().toString());
        data.put("status", statusAfter(event).name());
        data.putAll(extra);
        return new NotificationContent(NotificationType.ONBOARDING_STATUS, title, message, data, REFERENCE_TYPE,
                event.requestId().toString());
    }
}
