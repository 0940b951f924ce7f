package com.gatehouse.query.complaint;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.complaint.ComplaintCategory;
import com.gatehouse.api.complaint.ComplaintPriority;
import com.gatehouse.api.complaint.ComplaintStatus;
import com.gatehouse.api.complaint.ComplaintView;
import com.gatehouse.projection.complaint.ComplaintReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/** Reads of complaints: a resident's own, an admin's or auditor's whole society, an assignee's assigned ones. */
@RestController
@RequestMapping("/api/v1/community/complaints")
@Tag(name = "Complaints")
public class ComplaintQueryController {

    private final ComplaintReadModel readModel;

    public ComplaintQueryController(ComplaintReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "Complaints, newest first",
            description = "Response: {complaints: [...], pagination}. Admins and auditors: the society's; residents: "
                    + "the ones they filed; guards: the ones assigned to them. Filters category, status, priority; "
                    + "mine=true: only the caller's own; assigned=true: only those assigned to the caller; "
                    + "sort=priority: the most urgent first, then newest. Anonymous complaints show reportedById and "
                    + "flatId only to their reporter.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) ComplaintCategory category,
                                          @RequestParam(required = false) ComplaintStatus status,
                                          @RequestParam(required = false) ComplaintPriority priority,
                                          @RequestParam(required = false) Boolean mine,
                                          @RequestParam(required = false) Boolean assigned,
                                          @RequestParam(required = false) String sort,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        if (sort != null && !sort.equals("priority") && !sort.equals("newest")) {
            throw Problem.invalid("sort", "must be priority or newest");
        }
        caller.ownSociety();
        boolean own = Boolean.TRUE.equals(mine) || caller.role() == Role.RESIDENT;
        boolean toMe = Boolean.TRUE.equals(assigned) || caller.role() == Role.GUARD;
        var filter = new ComplaintReadModel.Filter(own ? caller.userId() : null, toMe ? caller.userId() : null,
                category, status, priority, "priority".equals(sort));
        return Blocking.read(() -> {
            var slice = readModel.complaints(caller.societyId(), filter, request);
            return Paged.body("complaints", slice.map(view -> view.seenBy(caller)), request);
        });
    }

    @GetMapping("/{complaintId}")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "A complaint", description = "404 for a complaint of another society, and for a resident's "
            + "look at someone else's complaint.")
    public Mono<ComplaintView> complaint(Caller caller, @PathVariable UUID complaintId) {
        return Blocking.readOne(() -> readModel.complaint(complaintId), "Complaint")
                .map(view -> view.seenBy(caller));
    }
}
