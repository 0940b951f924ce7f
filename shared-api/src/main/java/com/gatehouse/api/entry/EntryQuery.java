package com.gatehouse.api.entry;

import com.gatehouse.api.common.ReadModel;
import java.util.UUID;

/** Questions about entry requests and the gate log, answered by the query side. */
public sealed interface EntryQuery {

    /** Answers {@code Optional<EntryRequestView>}; updates carry the changed request. */
    @ReadModel("entry-requests")
    record FindEntryRequest(UUID requestId) implements EntryQuery {
    }

    /**
     * The live feed of requests of a society ({@code flatId} null) or of one flat. Answers
     * {@code List<EntryRequestView>}: the pending requests, newest first (at most {@value #INITIAL_LIMIT});
     * updates carry every request as it changes.
     */
    record WatchEntryRequests(UUID societyId, UUID flatId) implements EntryQuery {
    }

    /** Answers {@code Optional<EntryView>}; updates carry the changed entry. */
    @ReadModel("gate-log")
    record FindEntry(UUID entryId) implements EntryQuery {
    }

    /**
     * The live gate log of a society ({@code flatId} null) or of one flat. Answers {@code List<EntryView>}: the
     * open entries, newest first (at most {@value #INITIAL_LIMIT}); updates carry every entry as it changes.
     */
    record WatchEntries(UUID societyId, UUID flatId) implements EntryQuery {
    }

    /**
     * Answers {@code List<UUID>}: the entry requests (visits) that show this photo, for the photo's retention (a
     * visit under a legal hold keeps its photo).
     */
    record FindRequestsShowingPhoto(String photoKey) implements EntryQuery {
    }

    /** How much state a live feed sends before its changes. */
    int INITIAL_LIMIT = 100;
}
