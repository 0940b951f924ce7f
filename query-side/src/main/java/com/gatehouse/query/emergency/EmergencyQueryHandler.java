package com.gatehouse.query.emergency;

import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.emergency.EmergencyQuery;
import com.gatehouse.api.emergency.EmergencyQuery.FindEmergency;
import com.gatehouse.api.emergency.EmergencyQuery.WatchEmergencies;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.projection.emergency.EmergencyReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Answers the emergency context's queries from its read model, and says what a caller may watch: guards and
 * admins the whole society; any other member their own reports, their flat's, and those escalated to their block.
 */
@Component
public class EmergencyQueryHandler {

    /** How many ACTIVE emergencies of a society are looked at to build a member's initial state. */
    private static final int ACTIVE_SCAN = 1000;

    private final EmergencyReadModel emergencies;
    private final DirectoryReadModel directory;

    public EmergencyQueryHandler(EmergencyReadModel emergencies, DirectoryReadModel directory) {
        this.emergencies = emergencies;
        this.directory = directory;
    }

    @QueryHandler
    public Optional<EmergencyView> handle(FindEmergency query) {
        return emergencies.find(query.emergencyId());
    }

    @QueryHandler
    public List<EmergencyView> handle(WatchEmergencies query) {
        if (query.watcher() == null) {
            return emergencies.active(query.societyId(), EmergencyQuery.INITIAL_LIMIT);
        }
        return emergencies.active(query.societyId(), ACTIVE_SCAN).stream().filter(query::shows)
                .limit(EmergencyQuery.INITIAL_LIMIT).toList();
    }

    /** What the caller may see of the society's emergencies (blocking: reads the caller's block). */
    WatchEmergencies watchOf(Caller caller) {
        if (caller.hasRole(Role.GUARD, Role.ADMIN)) {
            return new WatchEmergencies(caller.societyId(), null, null, null);
        }
        String block = caller.flatId() == null ? null
                : directory.flat(caller.flatId()).map(flat -> flat.block()).orElse(null);
        return new WatchEmergencies(caller.societyId(), caller.userId(), caller.flatId(), block);
    }
}
