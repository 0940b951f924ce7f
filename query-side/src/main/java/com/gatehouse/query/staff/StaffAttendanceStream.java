package com.gatehouse.query.staff;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import com.gatehouse.projection.common.LiveFeed;
import com.gatehouse.projection.common.LiveFeeds;
import com.gatehouse.projection.staff.StaffProjection;
import com.gatehouse.projection.staff.StaffReadModel;
import com.gatehouse.query.common.Blocking;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.UUID;

/**
 * RSocket {@code staff.attendance.stream}: first who is inside now (open visits), then every check-in and
 * check-out as it happens, on whichever instance ({@link LiveFeeds}). Guards and admins follow their society;
 * a resident the staff of their own flat.
 */
@Controller
public class StaffAttendanceStream {

    private final LiveFeeds live;
    private final StaffReadModel readModel;

    public StaffAttendanceStream(LiveFeeds live, StaffReadModel readModel) {
        this.live = live;
        this.readModel = readModel;
    }

    @MessageMapping("staff.attendance.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<AttendanceView> stream(Caller caller) {
        return Flux.defer(() -> {
            UUID society = caller.ownSociety().value();
            UUID flat = caller.flatScope(null);
            return live.query(StaffProjection.ATTENDANCE,
                    flat != null ? LiveFeed.flat(flat) : LiveFeed.society(society),
                    Blocking.read(() -> readModel.openAttendance(society, flat)).flatMapIterable(open -> open));
        });
    }
}
