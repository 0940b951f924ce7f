package com.gatehouse.query.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/** The gate looks up the flat a visitor asks for, to raise a request for it. */
@RestController
@Tag(name = "Gate")
public class FlatLookupController {

    private final DirectoryReadModel directory;

    public FlatLookupController(DirectoryReadModel directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/gate/flats")
    @Allowed({Role.GUARD, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Look up flats of the society", description = """
            Response {flats: [{id, number, block, blockId, occupied, hasOwner, primaryResidentName}], pagination}, \
            ordered by block and number. `search` (optional) matches the start of the block, the number, \
            "block-number" (A-101) or the first name of the flat's primary resident, case ignored. The caller's \
            own society; the platform operator names it with societyId (required for them).""")
    public Mono<Map<String, Object>> flats(Caller caller, @RequestParam(required = false) String search,
                                           @RequestParam(required = false) UUID societyId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        UUID society = caller.societyId() != null ? caller.societyId() : societyId;
        if (society == null) {
            throw Problem.invalid("societyId", "name the society whose flats to look up");
        }
        caller.requireSociety(society, "Society");
        var request = PageRequest.of(page, limit);
        if (search != null && search.length() > 60) {
            throw Problem.invalid("search", "must be at most 60 characters");
        }
        return Blocking.read(() -> Paged.body("flats", directory.flatListings(society, null, search, true, request),
                request));
    }
}
