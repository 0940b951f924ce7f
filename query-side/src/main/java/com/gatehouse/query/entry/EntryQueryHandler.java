package com.gatehouse.query.entry;

import com.gatehouse.api.entry.EntryQuery;
import com.gatehouse.api.entry.EntryQuery.FindEntry;
import com.gatehouse.api.entry.EntryQuery.FindEntryRequest;
import com.gatehouse.api.entry.EntryQuery.WatchEntries;
import com.gatehouse.api.entry.EntryQuery.WatchEntryRequests;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.upload.UploadQuery.FindFlatsShownEntryPhoto;
import com.gatehouse.api.entry.EntryQuery.FindRequestsShowingPhoto;
import com.gatehouse.projection.entry.EntryRequestReadModel;
import com.gatehouse.projection.entry.GateLogReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers the entry context's queries from its read models, and the upload context's question which flats
 * an entry photo is shown to (so their residents may view it).
 */
@Component
public class EntryQueryHandler {

    private final EntryRequestReadModel requests;
    private final GateLogReadModel gateLog;

    public EntryQueryHandler(EntryRequestReadModel requests, GateLogReadModel gateLog) {
        this.requests = requests;
        this.gateLog = gateLog;
    }

    @QueryHandler
    public Optional<EntryRequestView> handle(FindEntryRequest query) {
        return requests.find(query.requestId());
    }

    @QueryHandler
    public List<EntryRequestView> handle(WatchEntryRequests query) {
        return requests.pending(query.societyId(), query.flatId(), EntryQuery.INITIAL_LIMIT);
    }

    @QueryHandler
    public Optional<EntryView> handle(FindEntry query) {
        return gateLog.find(query.entryId());
    }

    @QueryHandler
    public List<EntryView> handle(WatchEntries query) {
        return gateLog.open(query.societyId(), query.flatId(), EntryQuery.INITIAL_LIMIT);
    }

    @QueryHandler
    public List<UUID> handle(FindRequestsShowingPhoto query) {
        return requests.requestsShowingPhoto(query.photoKey());
    }

    @QueryHandler
    public List<UUID> handle(FindFlatsShownEntryPhoto query) {
        return requests.flatsShowingPhoto(query.s3Key());
    }
}
