package com.gatehouse.query.entry;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.entry.EntryQuery;
import com.gatehouse.api.entry.EntryViews.EntryRequestView;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.entry.EntryRequestProjection;
import com.gatehouse.projection.entry.EntryRequestReadModel;
import com.gatehouse.projection.entry.GateLogProjection;
import com.gatehouse.projection.entry.GateLogReadModel;
import com.gatehouse.query.common.Blocking;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.UUID;

/**
 * The gate's live feeds over RSocket: {@code gate.requests.stream} and {@code gate.entries.stream}. Each sends
 * the current state first (pending requests / open entries, newest first, at most 100), then every change
 * as it is projected, on whichever instance ({@link LiveFeeds}: bounded, a subscriber that falls behind by
 * {@value LiveFeeds#BUFFER} changes is ended and reconnects). Guards and admins watch their society, residents
 * their own flat.
 */
@Controller
public class EntryStreams {

    private final LiveFeeds live;
    private final EntryRequestReadModel requests;
    private final GateLogReadModel gateLog;

    public EntryStreams(LiveFeeds live, EntryRequestReadModel requests, GateLogReadModel gateLog) {
        this.live = live;
        this.requests = requests;
        this.gateLog = gateLog;
    }

    @MessageMapping("gate.requests.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EntryRequestView> requests(Caller caller) {
        UUID flat = flatOf(caller);
        return live.query(EntryRequestProjection.REQUESTS, key(caller, flat), Blocking.read(() ->
                requests.pending(caller.societyId(), flat, EntryQuery.INITIAL_LIMIT)).flatMapIterable(list -> list));
    }

    @MessageMapping("gate.entries.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EntryView> entries(Caller caller) {
        UUID flat = flatOf(caller);
        return live.query(GateLogProjection.ENTRIES, key(caller, flat), Blocking.read(() ->
                gateLog.open(caller.societyId(), flat, EntryQuery.INITIAL_LIMIT)).flatMapIterable(list -> list));
    }

    /** Residents watch their own flat (a resident without one watches nothing); everyone else the society. */
    private static UUID flatOf(Caller caller) {
        return caller.role() == Role.RESIDENT ? caller.flatScope(null) : null;
    }

    private static String key(Caller caller, UUID flat) {
        return flat != null ? LiveFeed.flat(flat) : LiveFeed.society(caller.societyId());
    }
}
