package com.gatehouse.api.directory;

import java.util.Set;

/** What an onboarding document proves. */
public enum DocumentType {
    OWNERSHIP_PROOF, TENANT_AGREEMENT, AADHAR_CARD, PAN_CARD, PASSPORT, DRIVING_LICENSE, VOTER_ID, OTHER;

    /** The documents that prove who the applicant is (at least one is needed). */
    public static final Set<DocumentType> ID_PROOFS = Set.of(AADHAR_CARD, PAN_CARD, PASSPORT, DRIVING_LICENSE, VOTER_ID);
}
