package com.gatehouse.query.staff;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.staff.StaffQuery.WatchAttendance;
import com.gatehouse.api.staff.StaffViews.AttendanceView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * RSocket {@code staff.attendance.stream}: first who is inside now (open visits), then every check-in and
 * check-out as it happens. Guards and admins follow their society; a resident the staff of their own flat.
 */
@Controller
public class StaffAttendanceStream {

    /** Updates a slow client may fall behind by before its stream is ended (it reconnects and starts afresh). */
    static final int BUFFER = 1024;

    private final QueryGateway queries;

    public StaffAttendanceStream(QueryGateway queries) {
        this.queries = queries;
    }

    @MessageMapping("staff.attendance.stream")
    @Allowed({Role.GUARD, Role.ADMIN, Role.RESIDENT})
    public Flux<AttendanceView> stream(Caller caller) {
        if (caller.societyId() == null) {
            return Flux.error(Problem.notFound("Society"));
        }
        var query = new WatchAttendance(caller.societyId(), caller.role() == Role.RESIDENT ? caller.flatId() : null);
        return Flux.using(
                        () -> queries.subscriptionQuery(query, ResponseTypes.multipleInstancesOf(AttendanceView.class),
                                ResponseTypes.instanceOf(AttendanceView.class)),
                        (SubscriptionQueryResult<List<AttendanceView>, AttendanceView> result) -> result.initialResult()
                                .flatMapIterable(open -> open)
                                .concatWith(result.updates().onBackpressureBuffer(BUFFER)),
                        SubscriptionQueryResult::cancel)
                .subscribeOn(Schedulers.boundedElastic())
                // frames are encoded off the staff projection's thread, which emits the updates
                .publishOn(Schedulers.parallel());
    }
}
