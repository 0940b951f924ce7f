package com.gatehouse.query.vendor;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.vendor.VendorCategory;
import com.gatehouse.api.vendor.VendorViews.RatingView;
import com.gatehouse.api.vendor.VendorViews.VendorView;
import com.gatehouse.projection.vendor.VendorReadModel;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of the society's vendor directory. */
@RestController
@RequestMapping("/api/v1/staff/vendors")
@Tag(name = "Vendors")
public class VendorQueryController {

    private final VendorReadModel readModel;

    public VendorQueryController(VendorReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "The society's vendors: verified first, then best rated, then by name",
            description = "Response: {vendors: [...], pagination}. Filters category, isVerified, isActive (default "
                    + "true: the active ones; only admins and auditors may list deactivated ones).")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) VendorCategory category,
                                          @RequestParam(name = "isVerified", required = false) Boolean verified,
                                          @RequestParam(name = "isActive", required = false) Boolean active,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID society = caller.ownSociety().value();
        boolean mayListAll = caller.hasRole(Role.ADMIN, Role.AUDITOR);
        Boolean activeFilter = active == null || !mayListAll ? Boolean.TRUE : active;
        return Blocking.read(() -> Paged.body("vendors",
                readModel.vendors(society, category, verified, activeFilter, request), request));
    }

    @GetMapping("/by-category")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "Active vendors grouped by category",
            description = "Answers {PLUMBER: [...], ELECTRICIAN: [...], ...}: only categories that have active vendors, "
                    + "each list verified first, then best rated, then by name.")
    public Mono<Map<VendorCategory, List<VendorView>>> byCategory(Caller caller) {
        UUID society = caller.ownSociety().value();
        return Blocking.read(() -> {
            Map<VendorCategory, List<VendorView>> groups = new LinkedHashMap<>();
            for (VendorView vendor : readModel.activeVendors(society)) {
                groups.computeIfAbsent(vendor.category(), c -> new java.util.ArrayList<>()).add(vendor);
            }
            return groups;
        });
    }

    @GetMapping("/{vendorId}")
    @Allowed({Role.ADMIN, Role.RESIDENT, Role.GUARD, Role.AUDITOR})
    @Operation(summary = "A vendor")
    public Mono<VendorView> vendor(Caller caller, @PathVariable UUID vendorId) {
        return Blocking.readOne(() -> readModel.vendor(vendorId), "Vendor")
                .map(view -> view.seenBy(caller));
    }

    @GetMapping("/{vendorId}/my-rating")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "The caller's own rating of a vendor", description = "404 when they have not rated it.")
    public Mono<RatingView> myRating(Caller caller, @PathVariable UUID vendorId) {
        return vendor(caller, vendorId)
                .then(Blocking.readOne(() -> readModel.rating(vendorId, caller.userId()), "Rating"));
    }
}
