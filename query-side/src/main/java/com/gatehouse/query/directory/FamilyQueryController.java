package com.gatehouse.query.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Reads of a flat's family. */
@RestController
@RequestMapping("/api/v1/resident/family")
@Tag(name = "Family")
public class FamilyQueryController {

    private final DirectoryReadModel directory;

    public FamilyQueryController(DirectoryReadModel directory) {
        this.directory = directory;
    }

    @GetMapping
    @Allowed(Role.RESIDENT)
    @Operation(summary = "The residents of my flat", description = """
            Response {familyMembers: [{id, name, phone, email, photoKey, active, invited, primaryResident, \
            familyRole, createdAt, ...}], pagination}: every resident of the caller's flat, invitees included, \
            the primary resident first, then the oldest. All of them on one page (a flat has at most 6).""")
    public Mono<Map<String, Object>> list(Caller caller) {
        return Blocking.read(() -> {
            var members = caller.flatId() == null ? java.util.List.<com.gatehouse.api.directory.DirectoryViews.UserView>of()
                    : directory.membersOfFlat(caller.flatId());
            var page = PageRequest.of(1, 100);
            return Paged.body("familyMembers", new PageRequest.Slice<>(members, members.size()), page);
        });
    }
}
