package com.gatehouse.api.directory;

/**
 * Where an onboarding request stands. PENDING_APPROVAL and RESUBMIT_REQUESTED are active (one per user);
 * APPROVED and REJECTED are final (a rejected applicant may apply again).
 */
public enum OnboardingStatus {
    PENDING_APPROVAL, RESUBMIT_REQUESTED, APPROVED, REJECTED;

    public boolean active() {
        return this == PENDING_APPROVAL || this == RESUBMIT_REQUESTED;
    }
}
