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
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.upload.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.UUID;

/**
 * Erasing one subject, for every way it is asked (an admin now, the retention job): finds what the read models
 * know of them (their society, their photo's object key, through queries), sends {@link EraseSubject}, then removes
 * the photo from the object store (the key in the events can no longer be read, so nothing else would).
 */
@Component
public class SubjectErasure {

    private static final Logger log = LoggerFactory.getLogger(SubjectErasure.class);

    private final CommandSender sender;
    private final ObjectStore store;

    public SubjectErasure(CommandSender sender, ObjectStore store) {
        this.sender = sender;
        this.store = store;
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
                .then(Mono.fromRunnable(() -> deletePhoto(subject, known.photoKey()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    private void deletePhoto(DataSubject subject, String photoKey) {
        if (photoKey == null) {
            return;
        }
        try {
            store.delete(photoKey);
        } catch (RuntimeException e) {
            // the data is erased either way; an object left behind is reported, never answered as a failure
            log.warn("The photo of erased {} could not be removed from the object store: {}", subject, e.toString());
        }
    }
}
