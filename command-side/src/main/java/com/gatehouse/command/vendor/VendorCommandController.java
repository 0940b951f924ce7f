package com.gatehouse.command.vendor;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.vendor.VendorCategory;
import com.gatehouse.api.vendor.VendorCommand.AddVendor;
import com.gatehouse.api.vendor.VendorCommand.RateVendor;
import com.gatehouse.api.vendor.VendorCommand.SetVendorActive;
import com.gatehouse.api.vendor.VendorCommand.UpdateVendor;
import com.gatehouse.api.vendor.VendorCommand.VerifyVendor;
import com.gatehouse.api.vendor.VendorDetails;
import com.gatehouse.api.vendor.VendorId;
import com.gatehouse.api.vendor.VendorQuery.FindVendor;
import com.gatehouse.api.vendor.VendorQuery.FindVendorRating;
import com.gatehouse.api.vendor.VendorViews.Rated;
import com.gatehouse.api.vendor.VendorViews.RatingView;
import com.gatehouse.api.vendor.VendorViews.VendorView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.directory.DirectoryCommandController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Changes to the vendor directory (admins) and ratings (residents). */
@RestController
@RequestMapping("/api/v1/staff/vendors")
@Tag(name = "Vendors", description = """
        The society's directory of vendors (category PLUMBER, ELECTRICIAN, CARPENTER, PAINTER, CLEANER, GARDENER, \
        PEST_CONTROL, APPLIANCE_REPAIR, OTHER). Admins add, edit, verify (isVerified, verifiedAt) and deactivate \
        (DELETE keeps the vendor and its ratings, isActive false; PATCH {isActive: true} brings it back); members \
        list the active ones (verified first, then by rating, then name) and by category. A resident rates a \
        vendor 1-5 with an optional review: one rating per resident per vendor, a second one replaces the first; \
        rating is the average (two decimals) and totalReviews the number of residents who rated.""")
public class VendorCommandController {

    private final CommandSender sender;

    public VendorCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record VendorRequest(@Size(min = 1, max = 120) String name, VendorCategory category,
                                @Pattern(regexp = DirectoryCommandController.PHONE,
                                        message = DirectoryCommandController.PHONE_MESSAGE) String phone,
                                @Email @Size(max = 200) String email,
                                @Pattern(regexp = DirectoryCommandController.PHONE,
                                        message = DirectoryCommandController.PHONE_MESSAGE) String alternatePhone,
                                @Size(max = 200) String companyName, @Size(max = 2000) String description,
                                @Size(max = 500) String address, @Size(max = 7) List<@Size(max = 20) String> workingDays,
                                @Size(max = 100) String workingHours,
                                @DecimalMin("0") @DecimalMax("1000000") BigDecimal hourlyRate,
                                @DecimalMin("0") @DecimalMax("1000000") BigDecimal minCharge,
                                Boolean isActive) {
    }

    public record VerifyRequest(Boolean verified) {
    }

    public record RateRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String review) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Add a vendor", description = "Body {name, category, phone, email?, alternatePhone?, "
            + "companyName?, description?, address?, workingDays?, workingHours?, hourlyRate?, minCharge?}.")
    public Mono<VendorView> add(Caller caller, @Valid @RequestBody VendorRequest body,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (body.name() == null || body.category() == null || body.phone() == null) {
            throw Problem.invalid(body.name() == null ? "name" : body.category() == null ? "category" : "phone",
                    "must not be null");
        }
        requireDays(body);
        var id = Idempotency.newId(caller, "vendor", key);
        var details = new VendorDetails(new VendorId(id), body.name(), body.category(), body.phone(), body.email(), body.alternatePhone(),
                body.companyName(), body.description(), body.address(), body.workingDays(), body.workingHours(),
                body.hourlyRate(), body.minCharge());
        return sender.create(caller, new AddVendor(new VendorId(id), caller.ownSociety(), new UserId(caller.userId()),
                details), Idempotency.given(key), new FindVendor(id), VendorView.class);
    }

    @PatchMapping("/{vendorId}")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Change a vendor's details", description = "Fields left out stay as they are; isActive true "
            + "or false (re)activates or deactivates.")
    public Mono<VendorView> update(Caller caller, @PathVariable UUID vendorId, @Valid @RequestBody VendorRequest body) {
        requireDays(body);
        return vendor(caller, vendorId).flatMap(now -> {
            var details = new VendorDetails(new VendorId(vendorId), or(body.name(), now.name()), body.category() == null ? now.category()
                    : body.category(), or(body.phone(), now.phone()), or(body.email(), now.email()),
                    or(body.alternatePhone(), now.alternatePhone()), or(body.companyName(), now.companyName()),
                    or(body.description(), now.description()), or(body.address(), now.address()),
                    body.workingDays() == null ? now.workingDays() : body.workingDays(),
                    or(body.workingHours(), now.workingHours()),
                    body.hourlyRate() == null ? now.hourlyRate() : body.hourlyRate(),
                    body.minCharge() == null ? now.minCharge() : body.minCharge());
            var valid = Vendor.valid(new VendorId(vendorId), details);
            Mono<VendorView> updated = sender.sendAndRead(caller, new UpdateVendor(new VendorId(vendorId),
                    caller.ownSociety(), valid), new FindVendor(vendorId), VendorView.class);
            if (body.isActive() == null) {
                return updated;
            }
            return updated.then(sender.sendAndRead(caller, new SetVendorActive(new VendorId(vendorId), caller.ownSociety(),
                    body.isActive()), new FindVendor(vendorId), VendorView.class));
        });
    }

    @PatchMapping("/{vendorId}/verify")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Mark a vendor verified", description = "Body optional: {verified} (default true; false "
            + "takes the mark back). verifiedAt says since when.")
    public Mono<VendorView> verify(Caller caller, @PathVariable UUID vendorId,
                                   @RequestBody(required = false) VerifyRequest body) {
        boolean verified = body == null || body.verified() == null || body.verified();
        return vendor(caller, vendorId).then(sender.sendAndRead(caller, new VerifyVendor(new VendorId(vendorId),
                        caller.ownSociety(), new UserId(caller.userId()), verified), new FindVendor(vendorId),
                VendorView.class));
    }

    @DeleteMapping("/{vendorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.ADMIN)
    @Operation(summary = "Deactivate a vendor", description = "Kept with its ratings (isActive false), gone from "
            + "members' lists; PATCH {isActive: true} brings it back.")
    public Mono<Void> deactivate(Caller caller, @PathVariable UUID vendorId) {
        return vendor(caller, vendorId).then(sender.sendAndRead(caller, new SetVendorActive(new VendorId(vendorId),
                caller.ownSociety(), false), new FindVendor(vendorId), VendorView.class)).then();
    }

    @PostMapping("/{vendorId}/rate")
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "Rate a vendor 1-5, with an optional review",
            description = "One rating per resident per vendor: rating again replaces the caller's earlier rating "
                    + "(the count stays). Answers {vendorId, rating, review, averageRating, totalReviews}. 409 for a "
                    + "deactivated vendor.")
    public Mono<Rated> rate(Caller caller, @PathVariable UUID vendorId, @Valid @RequestBody RateRequest body) {
        String review = body.review() == null || body.review().isBlank() ? null : body.review().strip();
        return vendor(caller, vendorId)
                .then(sender.sendAndRead(caller, new RateVendor(new VendorId(vendorId), caller.ownSociety(),
                                new UserId(caller.userId()), body.rating(), body.review()),
                        new FindVendorRating(vendorId, caller.userId()), RatingView.class))
                .then(sender.find(new FindVendor(vendorId), VendorView.class))
                .map(view -> new Rated(vendorId, body.rating(), review, view.rating(), view.totalReviews()));
    }

    private Mono<VendorView> vendor(Caller caller, UUID vendorId) {
        return sender.find(new FindVendor(vendorId), VendorView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Vendor")))
                .map(view -> view.seenBy(caller));
    }

    private static void requireDays(VendorRequest body) {
        if (body.workingDays() != null && body.workingDays().stream().anyMatch(d -> d == null || d.isBlank())) {
            throw Problem.invalid("workingDays", "must not contain empty days");
        }
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
