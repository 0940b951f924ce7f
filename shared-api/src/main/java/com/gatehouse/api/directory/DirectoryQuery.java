package com.gatehouse.api.directory;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions the directory answers (used with "subscribe first, then send" after a change). */
public sealed interface DirectoryQuery {

    /** Answers {@code Optional<SocietyView>}. */
    @ReadModel("directory")
    record FindSociety(UUID societyId) implements DirectoryQuery {
    }

    /** Answers {@code Optional<FlatView>}. */
    @ReadModel("directory")
    record FindFlat(UUID flatId) implements DirectoryQuery {
    }

    /** Answers {@code Optional<UserView>}. */
    @ReadModel("directory")
    record FindUser(UUID userId) implements DirectoryQuery {
    }

    /** Answers {@code List<UserView>}: the active residents of a flat (notification recipients). */
    record FindActiveResidentsOfFlat(UUID flatId) implements DirectoryQuery {
    }

    /** Answers {@code List<UserView>}: the active users of a society with one of the roles. */
    record FindActiveUsersOfSociety(UUID societyId, java.util.Set<com.gatehouse.api.common.Role> roles)
            implements DirectoryQuery {
    }

    /** Answers {@code Optional<OnboardingRequestView>}. */
    @ReadModel("onboarding")
    record FindOnboardingRequest(UUID requestId) implements DirectoryQuery {
    }

    /** Answers {@code List<UserView>}: the active residents of every flat of one block of a society. */
    record FindActiveResidentsOfBlock(UUID societyId, String block) implements DirectoryQuery {
    }
}
