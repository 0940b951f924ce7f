package com.gatehouse.command.privacy;

import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.privacy.ErasureId;
import com.gatehouse.api.privacy.PrivacyCommand.EraseSubject;
import com.gatehouse.api.privacy.PrivacyEvent.PersonalDataErased;
import com.gatehouse.command.directory.Credentials;
import com.gatehouse.command.directory.DirectoryLookup;
import com.gatehouse.command.push.Devices;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The erasure of one data subject (id derived from the subject: erasing twice is one erasure, the second changes
 * nothing). Deletes the subject's key in the same transaction as the event, so the event and the erasure are
 * stored together or not at all; a user's secrets (credentials), their claim on a phone number and their push
 * devices (tokens, preferences, pending pushes) go with it. A subject under a legal hold ({@link LegalHold}) is not
 * erased (409).
 */
@Aggregate
public class Erasure {

    @AggregateIdentifier
    private ErasureId id;

    protected Erasure() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseSubject cmd, SubjectKeys keys, Credentials credentials, DirectoryLookup lookup,
                       Devices devices, LegalHolds holds, Clock clock) {
        if (id != null) {
            return;
        }
        DataSubject subject = cmd.subject();
        holds.reasonFor(subject.id()).ifPresent(reason -> {
            throw Problem.conflict("This person's data is under a legal hold (" + reason + "): release it first");
        });
        keys.erase(subject);
        if (subject.kind() == DataSubject.Kind.USER) {
            credentials.forget(new UserId(subject.id()));
            lookup.releasePhoneOf(new UserId(subject.id()));
            devices.forget(subject.id());
        }
        apply(new PersonalDataErased(cmd.erasureId(), subject, cmd.societyId(), cmd.reason(), cmd.by(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        id = event.erasureId();
    }
}
