package com.gatehouse.api.privacy;

import com.gatehouse.api.common.ReadModel;

import java.util.UUID;

/** Questions about a society's privacy settings. */
public sealed interface PrivacyQuery {

    /** Answers {@link PrivacyViews.RetentionView}: the society's retention in force (its own or the defaults). */
    @ReadModel("privacy-settings")
    record FindRetention(UUID societyId) implements PrivacyQuery {
    }
}
