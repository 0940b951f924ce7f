package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.entry.EntryQuery.FindEntryRequest;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.gatepass.GatePassQuery.FindGatePass;
import com.gatehouse.api.gatepass.GatePassView;
import com.gatehouse.api.preapproval.PreApprovalQuery.FindPreApproval;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.api.vendor.VendorQuery.FindVendor;
import com.gatehouse.api.vendor.VendorViews.VendorView;
import com.gatehouse.api.privacy.PrivacyCommand.EraseSubject;
import com.gatehouse.api.staff.StaffQuery.FindStaff;
import com.gatehouse.api.staff.StaffViews.StaffView;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadCommand.ExpireDocument;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.upload.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Erasing one subject, for every way it is asked (an admin now, the retention job): finds what the read models
 * know of them (their society, their photo's object key, through queries), sends {@link EraseSubject}, then
 * deletes the photo (the key in the events can no longer be read, so nothing else would). The photo goes as its
 * upload's {@code DocumentExpired}, like a retention rule's: the upload record leaves the uploads read model (its
 * view URL answers 404), the object leaves the store after that is recorded (retried until the store takes it),
 * and the audit trail says why. A key that names no confirmed upload is deleted from the store directly.
 */
@Component
public class SubjectErasure {

    private static final Logger log = LoggerFactory.getLogger(SubjectErasure.class);

    /** The reason the photo's upload records in its {@code DocumentExpired}. */
    static final String PHOTO_REASON = "erasure: the photo of a data subject whose personal data was erased";

    private final CommandSender sender;
    private final ObjectStore store;
    private final Clock clock;

    public SubjectErasure(CommandSender sender, ObjectStore store, Clock clock) {
        this.sender = sender;
        this.store = store;
        this.clock = clock;
    }

    /** What the read models know of a subject: their society (empty: none) and their photo's key. */
    public record Known(Optional<UUID> societyId, String photoKey) {
    }

    /**
     * No answer when the read models do not know the subject. A visit is an entry request, a pre-approval or a gate
     * pass (their ids never collide: random UUIDs); a staff member is on the staff register or a vendor.
     */
    public Mono<Known> find(DataSubject subject) {
        return switch (subject.kind()) {
            case VISITOR -> sender.find(new FindEntryRequest(subject.id()), EntryRequestView.class)
                    .map(view -> new Known(Optional.of(view.societyId()), view.photoKey()))
                    .switchIfEmpty(Mono.defer(() -> sender.find(new FindPreApproval(subject.id()), PreApprovalView.class)
                            .map(view -> new Known(Optional.of(view.societyId()), null))))
                    .switchIfEmpty(Mono.defer(() -> sender.find(new FindGatePass(subject.id()), GatePassView.class)
                            .map(view -> new Known(Optional.of(view.societyId()), null))));
            case STAFF -> sender.find(new FindStaff(subject.id()), StaffView.class)
                    .map(view -> new Known(Optional.of(view.societyId()), view.photoKey()))
                    .switchIfEmpty(Mono.defer(() -> sender.find(new FindVendor(subject.id()), VendorView.class)
                            .map(view -> new Known(Optional.of(view.societyId()), null))));
            case USER -> sender.find(new FindUser(subject.id()), UserView.class)
                    .map(view -> new Known(Optional.ofNullable(view.societyId()), view.photoKey()));
        };
    }

    /** Erases the subject as {@code caller} ({@code by} null for the retention job), then deletes their photo. */
    public Mono<Void> erase(Caller caller, DataSubject subject, Known known, String reason, UserId by) {
        return sender.send(caller, new EraseSubject(subject, known.societyId().map(SocietyId::new).orElse(null),
                        reason, by))
                .then(Mono.defer(() -> deletePhoto(subject, known.photoKey())))
                .then();
    }

    private Mono<Void> deletePhoto(DataSubject subject, String photoKey) {
        if (photoKey == null) {
            return Mono.empty();
        }
        // anything confirmed up to now: the photo is the subject's, whenever it was taken
        return sender.find(new FindDocumentByKey(photoKey), DocumentView.class)
                .flatMap(document -> sender.send(Caller.system(), new ExpireDocument(new DocumentId(document.id()),
                        clock.instant().plusSeconds(1), PHOTO_REASON)).thenReturn(true))
                .switchIfEmpty(Mono.fromCallable(() -> {
                    store.delete(photoKey); // no confirmed upload names it: only the object to remove
                    return true;
                }).subscribeOn(Schedulers.boundedElastic()))
                .then()
                .onErrorResume(RuntimeException.class, e -> {
                    // the data is erased either way; a photo left behind is reported, never answered as a failure
                    log.warn("The photo of erased {} could not be removed: {}", subject, e.toString());
                    return Mono.empty();
                });
    }
}
