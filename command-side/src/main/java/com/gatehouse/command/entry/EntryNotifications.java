package com.gatehouse.command.entry;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.entry.EntryEvent.EntryAdmitted;
import com.gatehouse.api.entry.EntryEvent.EntryOverstayed;
import com.gatehouse.api.directory.DirectoryQuery.FindActiveResidentsOfFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.entry.EntryQuery.FindEntryRequest;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestRaised;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestReminded;
import com.gatehouse.api.entry.EntryRequestEvent.EntryRequestUnanswered;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryRequestId;
import com.gatehouse.api.entry.EntryType;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.api.notification.NotificationContent;
import com.gatehouse.api.notification.NotificationType;
import com.gatehouse.command.notification.Notifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears about the gate: every resident of the flat when a request is raised ({@code DELIVERY_REQUEST}
 * for deliveries, else {@code ENTRY_REQUEST}); the society's guards and admins and the flat's residents when
 * an entry overstays ({@code SYSTEM}); the flat's residents when someone came in without anyone being asked
 * ({@code VISITOR_ENTERED}: pre-approved, an expected delivery, a standing rule); when nobody answers a request,
 * the residents again ("still waiting at the gate", same type, {@code data.reminder}) and then the raising guard
 * ({@code SYSTEM}, with the residents' names and phone numbers in the message and {@code data.residents}).
 * A side effect, so its own processing group that never replays; the
 * triggering event's id makes each notification once-only even when an event is handled again.
 */
@Component
@ProcessingGroup(EntryNotifications.GROUP)
@DisallowReplay
public class EntryNotifications {

    public static final String GROUP = "entry-notifications";
    public static final String REFERENCE_REQUEST = EntryRequestId.REFERENCE_TYPE;
    public static final String REFERENCE_ENTRY = "Entry";

    private final Notifications notifications;
    private final QueryGateway queries;

    public EntryNotifications(Notifications notifications, QueryGateway queries) {
        this.notifications = notifications;
        this.queries = queries;
    }

    @EventHandler
    void on(EntryRequestRaised event, EventMessage<?> message) {
        if (event.autoApprovalReason() != null) {
            return; // nobody is asked: the flat hears that the visitor entered (EntryAdmitted)
        }
        notifications.toResidentsOfFlat(message.getIdentifier(), event.societyId(), event.flatId(), requestContent(event));
    }

    /** Someone came in without anyone being asked (pre-approved, expected, a standing rule): the flat hears of it. */
    @EventHandler
    void on(EntryAdmitted event, EventMessage<?> message) {
        if (event.autoApproved()) {
            notifications.toResidentsOfFlat(message.getIdentifier(), event.societyId(), event.flatId(),
                    enteredContent(event));
        }
    }

    @EventHandler
    void on(EntryOverstayed event, EventMessage<?> message) {
        var content = overstayContent(event);
        notifications.toGuardsAndAdmins(message.getIdentifier(), event.societyId(), content);
        notifications.toResidentsOfFlat(message.getIdentifier(), event.societyId(), event.flatId(), content);
    }

    /** Nobody answered yet: the flat's residents again, louder (pushed with the request's urgency). */
    @EventHandler
    void on(EntryRequestReminded event, EventMessage<?> message) {
        notifications.toResidentsOfFlat(message.getIdentifier(), event.societyId(), event.flatId(),
                reminderContent(event, request(event.requestId().value())));
    }

    /** Still nobody: the guard who raised it, with the residents' phone numbers to call. */
    @EventHandler
    void on(EntryRequestUnanswered event, EventMessage<?> message) {
        List<UserView> residents = queries.query(new FindActiveResidentsOfFlat(event.flatId().value()),
                ResponseTypes.multipleInstancesOf(UserView.class)).join();
        FlatView flat = queries.query(new FindFlat(event.flatId().value()), ResponseTypes.optionalInstanceOf(FlatView.class))
                .join().orElse(null);
        notifications.toUser(message.getIdentifier(), event.guardId(), event.societyId(),
                unansweredContent(event, request(event.requestId().value()), flat, residents));
    }

    private EntryRequestView request(UUID id) {
        return queries.query(new FindEntryRequest(id), ResponseTypes.optionalInstanceOf(EntryRequestView.class))
                .join().orElse(null);
    }

    static NotificationContent reminderContent(EntryRequestReminded event, EntryRequestView request) {
        boolean delivery = request != null && request.type() == EntryType.DELIVERY;
        String who = request == null ? "Your visitor"
                : describe(request.type(), request.visitorName(), request.providerTag());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryRequestId", event.requestId().toString());
        data.put("flatId", event.flatId().toString());
        data.put("reminder", true);
        if (request != null) {
            data.put("type", request.type().name());
            data.put("expiresAt", request.expiresAt().toString());
        }
        return new NotificationContent(delivery ? NotificationType.DELIVERY_REQUEST : NotificationType.ENTRY_REQUEST,
                "Still waiting at the gate", who + " is still waiting at the gate. Approve or reject the entry.",
                data, REFERENCE_REQUEST, event.requestId().toString(), DataSubject.visitor(event.requestId().value()));
    }

    static NotificationContent unansweredContent(EntryRequestUnanswered event, EntryRequestView request, FlatView flat,
                                                 List<UserView> residents) {
        String flatName = flat == null ? "the flat" : flat.block() + "-" + flat.number();
        String who = request == null ? "the visitor" : describe(request.type(), request.visitorName(), request.providerTag());
        List<Map<String, String>> toCall = new ArrayList<>();
        for (UserView resident : residents) {
            toCall.add(Map.of("userId", resident.id().toString(), "name", resident.name(), "phone", resident.phone()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryRequestId", event.requestId().toString());
        data.put("flatId", event.flatId().toString());
        data.put("residents", toCall);
        String phones = String.join(", ", residents.stream().map(r -> r.name() + " " + r.phone()).toList());
        return new NotificationContent(NotificationType.SYSTEM, "Nobody has answered",
                "Nobody at " + flatName + " has answered for " + who + ". "
                        + (residents.isEmpty() ? "No resident to call." : "Call: " + phones + "."),
                // sealed with the visit's key (it names the visitor); the residents' numbers are sealed with it
                data, REFERENCE_REQUEST, event.requestId().toString(), DataSubject.visitor(event.requestId().value()));
    }

    static NotificationContent requestContent(EntryRequestRaised event) {
        boolean delivery = event.type() == EntryType.DELIVERY;
        String who = describe(event.type(), event.visitorName(), event.providerTag());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryRequestId", event.requestId().toString());
        data.put("type", event.type().name());
        data.put("flatId", event.flatId().toString());
        putIfSet(data, "providerTag", event.providerTag() == null ? null : event.providerTag().name());
        putIfSet(data, "visitorName", event.visitorName());
        putIfSet(data, "visitorPhone", event.visitorPhone());
        data.put("hasPhoto", event.photoKey() != null);
        data.put("expiresAt", event.expiresAt().toString());
        return new NotificationContent(delivery ? NotificationType.DELIVERY_REQUEST : NotificationType.ENTRY_REQUEST,
                delivery ? "Delivery at the gate" : "Visitor at the gate",
                who + " is at the gate. Approve or reject the entry.",
                data, REFERENCE_REQUEST, event.requestId().toString(), DataSubject.visitor(event.requestId().value()));
    }

    static NotificationContent enteredContent(EntryAdmitted event) {
        String who = event.visitorName() != null && event.preApprovalId() != null
                ? "Your guest " + event.visitorName()
                : describe(event.type(), event.visitorName(), event.providerTag());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", event.entryId().toString());
        data.put("type", event.type().name());
        data.put("flatId", event.flatId().toString());
        putIfSet(data, "providerTag", event.providerTag() == null ? null : event.providerTag().name());
        putIfSet(data, "visitorName", event.visitorName());
        putIfSet(data, "preApprovalId", event.preApprovalId() == null ? null : event.preApprovalId().toString());
        putIfSet(data, "entryRequestId", event.requestId() == null ? null : event.requestId().toString());
        data.put("autoApprovalReason", event.autoApprovalReason());
        data.put("enteredAt", event.enteredAt().toString());
        DataSubject about = event.requestId() != null ? DataSubject.visitor(event.requestId().value())
                : event.preApprovalId() != null ? DataSubject.visitor(event.preApprovalId()) : null;
        return new NotificationContent(NotificationType.VISITOR_ENTERED, "Entered the gate",
                who + " has entered (" + event.autoApprovalReason().toLowerCase(Locale.ROOT) + ").",
                data, REFERENCE_ENTRY, event.entryId().toString(), about);
    }

    static NotificationContent overstayContent(EntryOverstayed event) {
        String who = describe(event.type(), event.visitorName(), event.providerTag());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", event.entryId().toString());
        data.put("type", event.type().name());
        data.put("flatId", event.flatId().toString());
        putIfSet(data, "providerTag", event.providerTag() == null ? null : event.providerTag().name());
        putIfSet(data, "visitorName", event.visitorName());
        data.put("enteredAt", event.enteredAt().toString());
        return new NotificationContent(NotificationType.SYSTEM, "Overstay alert",
                who + " entered at " + event.enteredAt() + " and has not checked out yet.",
                data, REFERENCE_ENTRY, event.entryId().toString(),
                event.requestId() != null ? DataSubject.visitor(event.requestId().value())
                        : event.preApprovalId() != null ? DataSubject.visitor(event.preApprovalId()) : null);
    }

    /** "SWIGGY delivery", "Asha (visitor)", "A cab", ... */
    static String describe(EntryType type, String visitorName, ProviderTag providerTag) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        if (providerTag != null && providerTag != ProviderTag.OTHER) {
            return providerTag.name() + " " + kind;
        }
        if (visitorName != null) {
            return visitorName + " (" + kind + ")";
        }
        return (type == EntryType.OTHER ? "Someone" : "A " + kind);
    }

    private static void putIfSet(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
