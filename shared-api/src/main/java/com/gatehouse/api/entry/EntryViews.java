package com.gatehouse.api.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models of entry requests and the gate log, as served over REST and RSocket. */
public final class EntryViews {

    private EntryViews() {
    }

    /**
     * The contract's request. What the flat's phones did with it (issue 15): {@code phonesReached} counts the
     * distinct phones whose app reported showing one of the request's notifications (the request and its
     * reminder; {@code POST /resident/notifications/{id}/delivered}), {@code opened} whether a resident has opened
     * (read) one of them, first at {@code openedAt}. {@code photoDeletedAt}: when the photo was deleted from the
     * object store (its retention ran out, or it was deleted as a document); {@code photoKey} is null from then on.
     * When nobody answers (issue 15): {@code remindedAt} is when the flat's residents were pushed again
     * ({@code gatehouse.entry-request.remind-after}), {@code guardAlertedAt} when the raising guard was told that
     * nobody answers ({@code guard-alert-after}); from then on, while the request is still pending,
     * {@code residentsToCall} names the flat's active residents with their phone numbers (read from the directory as
     * they are now; empty otherwise).
     */
    public record EntryRequestView(UUID id, EntryType type, EntryRequestStatus status, String visitorName,
                                   String visitorPhone, ProviderTag providerTag, String photoKey, UUID flatId,
                                   UUID societyId, UUID guardId, UUID approvedById, Instant approvedAt,
                                   Instant rejectedAt, String rejectionReason, Instant expiresAt, UUID entryId,
                                   Instant createdAt, int phonesReached, boolean opened, Instant openedAt, boolean erased,
                                   Instant photoDeletedAt, Instant remindedAt, Instant guardAlertedAt,
                                   List<ResidentToCall> residentsToCall) {

        /** A request whose photo (if any) is still there, not escalated. */
        public EntryRequestView(UUID id, EntryType type, EntryRequestStatus status, String visitorName,
                                String visitorPhone, ProviderTag providerTag, String photoKey, UUID flatId,
                                UUID societyId, UUID guardId, UUID approvedById, Instant approvedAt,
                                Instant rejectedAt, String rejectionReason, Instant expiresAt, UUID entryId,
                                Instant createdAt, int phonesReached, boolean opened, Instant openedAt, boolean erased) {
            this(id, type, status, visitorName, visitorPhone, providerTag, photoKey, flatId, societyId, guardId,
                    approvedById, approvedAt, rejectedAt, rejectionReason, expiresAt, entryId, createdAt, phonesReached,
                    opened, openedAt, erased, null);
        }

        /** A request not escalated. */
        public EntryRequestView(UUID id, EntryType type, EntryRequestStatus status, String visitorName,
                                String visitorPhone, ProviderTag providerTag, String photoKey, UUID flatId,
                                UUID societyId, UUID guardId, UUID approvedById, Instant approvedAt,
                                Instant rejectedAt, String rejectionReason, Instant expiresAt, UUID entryId,
                                Instant createdAt, int phonesReached, boolean opened, Instant openedAt, boolean erased,
                                Instant photoDeletedAt) {
            this(id, type, status, visitorName, visitorPhone, providerTag, photoKey, flatId, societyId, guardId,
                    approvedById, approvedAt, rejectedAt, rejectionReason, expiresAt, entryId, createdAt, phonesReached,
                    opened, openedAt, erased, photoDeletedAt, null, null, List.of());
        }
    }

    /** A resident of the flat the guard may call about a request nobody answers. */
    public record ResidentToCall(UUID userId, String name, String phone) {
    }

    /**
     * A gate-log entry: who came in for which flat, on whose approval, when they came and left
     * ({@code exitedAt} null while inside), and when an overstay alert went out (null if none).
     * {@code entryRequestId} is null for an entry admitted without a request (a pre-approval's scan, named by
     * {@code preApprovalId}); {@code autoApproved} with {@code autoApprovalReason} when nobody was asked.
     * {@code recentVisits}: this visitor's visits (same phone) to this flat in the 30 days up to and including this
     * one (0 without a phone); {@code frequentVisitor} from the third on. {@code photoDeletedAt} as in
     * {@link EntryRequestView}.
     */
    public record EntryView(UUID id, UUID entryRequestId, EntryType type, String visitorName, String visitorPhone,
                            ProviderTag providerTag, String photoKey, UUID flatId, UUID societyId, UUID guardId,
                            UUID approvedById, Instant enteredAt, Instant exitedAt, UUID checkedOutById,
                            Instant overstayAlertedAt, UUID preApprovalId, boolean autoApproved,
                            String autoApprovalReason, String vehicleNumber, Integer packageCount,
                            long recentVisits, boolean frequentVisitor, boolean erased, Instant photoDeletedAt) {

        /** An entry whose photo (if any) is still there. */
        public EntryView(UUID id, UUID entryRequestId, EntryType type, String visitorName, String visitorPhone,
                         ProviderTag providerTag, String photoKey, UUID flatId, UUID societyId, UUID guardId,
                         UUID approvedById, Instant enteredAt, Instant exitedAt, UUID checkedOutById,
                         Instant overstayAlertedAt, UUID preApprovalId, boolean autoApproved,
                         String autoApprovalReason, String vehicleNumber, Integer packageCount,
                         long recentVisits, boolean frequentVisitor, boolean erased) {
            this(id, entryRequestId, type, visitorName, visitorPhone, providerTag, photoKey, flatId, societyId, guardId,
                    approvedById, enteredAt, exitedAt, checkedOutById, overstayAlertedAt, preApprovalId, autoApproved,
                    autoApprovalReason, vehicleNumber, packageCount, recentVisits, frequentVisitor, erased, null);
        }
    }
}
