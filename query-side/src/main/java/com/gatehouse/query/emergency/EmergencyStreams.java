package com.gatehouse.query.emergency;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.emergency.EmergencyQuery.WatchEmergencies;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.emergency.EmergencyProjection;
import com.gatehouse.query.common.Blocking;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code emergencies.stream} over RSocket: the ACTIVE emergencies the caller may see (newest first, at most 100),
 * then every change as it is projected, on whichever instance: raised, responded, escalated, resolved, false
 * alarm. Guards and admins watch their society; any other member their own reports, their flat's and those
 * escalated to their block ({@link WatchEmergencies#shows}).
 * <p>
 * Each subscriber holds at most {@link LiveFeeds#BUFFER} undelivered changes; one that falls further behind is
 * ended with an error (the app reconnects and gets the state again).
 */
@Controller
public class EmergencyStreams {

    private final LiveFeeds live;
    private final EmergencyQueryHandler handler;

    public EmergencyStreams(LiveFeeds live, EmergencyQueryHandler handler) {
        this.live = live;
        this.handler = handler;
    }

    @MessageMapping("emergencies.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<EmergencyView> emergencies(Caller caller) {
        return Blocking.read(() -> handler.watchOf(caller)).flatMapMany(watch ->
                live.query(EmergencyProjection.EMERGENCIES, LiveFeed.society(watch.societyId()),
                                Blocking.read(() -> handler.handle(watch)).flatMapIterable(list -> list))
                        .filter(watch::shows));
    }
}
