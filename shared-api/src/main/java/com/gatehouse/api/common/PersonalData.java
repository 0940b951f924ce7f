package com.gatehouse.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event record (or of a record nested in one) that holds personal data: names, phones,
 * photos or object keys of people, identity-document numbers, addresses, free text about a person. The event
 * serializer encrypts each marked component with its subject's key before the event is stored and decrypts it
 * on read; once the subject is erased the component reads as {@code null}.
 * <p>
 * Everything the serializer needs is in the record itself: {@link #subject} is the kind of person and
 * {@link #idFrom} the name of a sibling component holding their id (a typed id such as {@code UserId} or
 * {@code EntryRequestId}, or a {@code UUID}). When {@code idFrom} names a {@link DataSubject} component (used where
 * the person varies, e.g. what a notification is about), leave {@code subject} out: the value carries its kind.
 * A null id means the component is stored as it is (nothing personal to protect, e.g. a notification about nobody);
 * a component that may belong to one of several ids names them all, the first non-null one is the subject's.
 * <pre>{@code
 * record EntryRequestRaised(EntryRequestId requestId, ...,
 *         @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorName,
 *         @PersonalData(subject = VISITOR, idFrom = "requestId") String visitorPhone, ...)
 * }</pre>
 * Never mark the id itself, nor a component that is not personal (ids, enums, times, flats, counts): reports,
 * counts and the history of the gate must stay readable after erasure. {@link PersonalFields} lists the marks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** The kind of person (exactly one), or none when {@link #idFrom} names a {@link DataSubject} component. */
    DataSubject.Kind[] subject() default {};

    /**
     * The name of the component of the same record that holds the subject's id; when several are named, the first
     * that is not null (e.g. an entry admitted for a request or for a pre-approval: {@code {"requestId",
     * "preApprovalId"}}). All of them must be of one sort: ids of one kind of person, or {@link DataSubject}s.
     */
    String[] idFrom();
}
