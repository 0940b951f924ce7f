package com.gatehouse.query.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.privacy.ErasureRequestReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Set;

/** The erasure requests of the caller's society (every society for the platform operator). */
@RestController
@Tag(name = "Privacy")
public class ErasureRequestQueryController {

    private static final Set<String> STATUSES = Set.of("PENDING", "CARRIED_OUT");

    private final ErasureRequestReadModel readModel;

    public ErasureRequestQueryController(ErasureRequestReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/api/v1/admin/privacy/erasure-requests")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "People's requests to have their data erased, newest first",
            description = "Response: {requests: [...], pagination}. Each: {id, societyId, userId, userName (null once "
                    + "erased), status (PENDING or CARRIED_OUT), requestedAt, carriedOutAt, carriedOutBy}. Filter: "
                    + "status. An ADMIN sees their society's, SUPER_ADMIN every society's.")
    public Mono<Map<String, Object>> requests(Caller caller, @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            return Mono.error(Problem.invalid("status", "must be PENDING or CARRIED_OUT"));
        }
        if (!caller.isPlatformWide() && caller.societyId() == null) {
            return Mono.error(Problem.forbidden("This account belongs to no society"));
        }
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("requests",
                readModel.page(caller.isPlatformWide() ? null : caller.societyId(), status, request), request));
    }
}
