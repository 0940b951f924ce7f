package com.gatehouse.query.delivery;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.delivery.DeliveryViews.Company;
import com.gatehouse.api.delivery.ExpectedDeliveryStatus;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.projection.delivery.DeliveryReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads of a flat's expected deliveries and auto-approve rules: residents their own flat, admins any flat of the society. */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "Deliveries")
public class DeliveryQueryController {

    private final DeliveryReadModel readModel;

    public DeliveryQueryController(DeliveryReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/expected")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Expected deliveries, soonest first",
            description = "Filters status (EXPECTED by default) and flatId (admins); residents see only their own flat. "
                    + "Response: {expectedDeliveries: [...], pagination}.")
    public Mono<Map<String, Object>> expected(Caller caller, @RequestParam(required = false) ExpectedDeliveryStatus status,
                                              @RequestParam(required = false) UUID flatId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> Paged.body("expectedDeliveries", readModel.expectedOfFlat(caller.societyId(), flat,
                status == null ? ExpectedDeliveryStatus.EXPECTED : status, request), request));
    }

    @GetMapping("/auto-approve")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Auto-approve rules",
            description = "Filter flatId (admins); residents see only their own flat's. Response: {autoApproveRules: [...], pagination}.")
    public Mono<Map<String, Object>> rules(Caller caller, @RequestParam(required = false) UUID flatId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> Paged.body("autoApproveRules",
                readModel.rulesOfFlat(caller.societyId(), flat, request), request));
    }

    @GetMapping("/companies")
    @Allowed({Role.RESIDENT, Role.ADMIN, Role.GUARD})
    @Operation(summary = "The delivery companies", description = "The contract's provider tags with a label: "
            + "{companies: [{value, label}]}. Expected deliveries and rules name companies by value.")
    public Map<String, List<Company>> companies() {
        return Map.of("companies", Arrays.stream(ProviderTag.values()).map(tag -> new Company(tag,
                tag.name().charAt(0) + tag.name().substring(1).toLowerCase(Locale.ROOT))).toList());
    }
}
