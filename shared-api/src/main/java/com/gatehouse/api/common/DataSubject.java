package com.gatehouse.api.common;

import java.util.Objects;
import java.util.UUID;

/**
 * A person whose personal data events carry: their kind and the id their data is filed under. Each subject has
 * its own encryption key; erasing the subject deletes the key, and every {@link PersonalData} field filed under
 * the subject then reads as erased.
 */
public record DataSubject(Kind kind, UUID id) {

    public DataSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** Kinds of people the gate knows. */
    public enum Kind {
        /**
         * Someone at the gate: one visit is one subject (an entry request and the gate-log entry it admitted share
         * the request's id; a pass or pre-approval is its own visit). A person's visits are found by phone when
         * they ask to be erased.
         */
        VISITOR,
        /** A person with an account: resident, guard, admin, auditor. Filed under their user id. */
        USER,
        /** A domestic worker or other staff member of the society. Filed under their staff id. */
        STAFF
    }

    public static DataSubject visitor(UUID id) {
        return new DataSubject(Kind.VISITOR, id);
    }

    public static DataSubject user(UUID id) {
        return new DataSubject(Kind.USER, id);
    }

    public static DataSubject staff(UUID id) {
        return new DataSubject(Kind.STAFF, id);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
