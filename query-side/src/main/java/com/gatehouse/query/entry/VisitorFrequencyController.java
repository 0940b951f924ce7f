package com.gatehouse.query.entry;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.entry.GateLogReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Who comes often, per flat and phone, counted from the gate log. */
@RestController
@RequestMapping("/api/v1/admin/reports")
@Tag(name = "Reports")
public class VisitorFrequencyController {

    private final GateLogReadModel gateLog;
    private final Clock clock;

    public VisitorFrequencyController(GateLogReadModel gateLog, Clock clock) {
        this.gateLog = gateLog;
        this.clock = clock;
    }

    @GetMapping("/visitor-frequency")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    @Operation(summary = "Visitors by flat and phone: how often, how recently",
            description = "Every visitor with a phone number in the gate log of the society, per flat: visitCount, "
                    + "lastVisit, visitsLast30Days and isFrequent (3 or more visits in the last 30 days), most recent "
                    + "first; filter flatId. Response: {visitors: [...], pagination}.")
    public Mono<Map<String, Object>> visitorFrequency(Caller caller, @RequestParam(required = false) UUID flatId,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("visitors", gateLog.visitorFrequency(caller.societyId(), flatId,
                clock.instant().minus(GateLogReadModel.WINDOW), GateLogReadModel.FREQUENT_AFTER, request), request));
    }
}
