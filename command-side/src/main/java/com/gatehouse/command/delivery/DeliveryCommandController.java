package com.gatehouse.command.delivery;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.delivery.AutoApproveRuleId;
import com.gatehouse.api.delivery.DeliveryCommand.CancelExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryCommand.ChangeAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.CreateAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.DeleteAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryCommand.ExpectDelivery;
import com.gatehouse.api.delivery.DeliveryQuery.FindAutoApproveRule;
import com.gatehouse.api.delivery.DeliveryQuery.FindExpectedDelivery;
import com.gatehouse.api.delivery.DeliveryViews.AutoApproveRuleView;
import com.gatehouse.api.delivery.DeliveryViews.ExpectedDeliveryView;
import com.gatehouse.api.delivery.ExpectedDeliveryId;
import com.gatehouse.api.delivery.ExpectedDeliveryStatus;
import com.gatehouse.api.directory.SocietyTimeZones;
import com.gatehouse.api.entry.ProviderTag;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import reactor.core.scheduler.Schedulers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * A flat's expected deliveries and standing auto-approve rules: residents of the flat set them up, change and
 * remove them (another flat's answer 404). The gate applies them through {@link DeliveryAutoApproval}.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = DeliveryCommandController.TAG, description = """
        Deliveries let in without asking anyone. A resident expects a company's delivery on a date (optionally in \\
        a time window): the first rider of that company at the gate that day is let in at once and the flat is told \\
        (VISITOR_ENTERED, "Expected delivery"); a second rider of the same company asks the flat as usual (the \\
        expectation is claimed once, also when two riders arrive at the same instant). Standing rules let \\
        companies in on some days of the week in a time window ("Auto-approve rule"). Dates, days and times are \\
        the society's (its time zone). Both apply to a guard's DELIVERY entry request with a providerTag and to a \\
        walk-in (POST /gate/entries). Companies are the contract's provider tags (GET /deliveries/companies).""")
public class DeliveryCommandController {

    public static final String TAG = "Deliveries";

    private final CommandSender sender;
    private final SocietyTimeZones zones;

    public DeliveryCommandController(CommandSender sender, SocietyTimeZones zones) {
        this.sender = sender;
        this.zones = zones;
    }

    public record ExpectRequest(@NotNull ProviderTag companyName, @Size(max = 200) String itemName,
                                @NotNull LocalDate expectedDate, LocalTime timeFrom, LocalTime timeUntil) {
    }

    public record RuleRequest(@NotEmpty @Size(max = 20) Set<@NotNull ProviderTag> companies,
                              @Size(max = 7) Set<@NotNull DayOfWeek> allowedDays, LocalTime timeFrom,
                              LocalTime timeUntil) {
    }

    public record RuleChange(@Size(min = 1, max = 20) Set<@NotNull ProviderTag> companies,
                             @Size(max = 7) Set<@NotNull DayOfWeek> allowedDays, LocalTime timeFrom,
                             LocalTime timeUntil, Boolean isActive) {
    }

    @PostMapping("/expected")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Expect a delivery for your flat",
            description = "Body {companyName (a provider tag), itemName?, expectedDate (YYYY-MM-DD, today or later in "
                    + "the society's time zone), timeFrom? and timeUntil? (HH:MM, both or neither)}. It lapses at the "
                    + "end of that day. With an Idempotency-Key a retry answers the first one.")
    public Mono<ExpectedDeliveryView> expect(Caller caller, @Valid @RequestBody ExpectRequest body,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        FlatId flat = caller.ownFlat();
        if (body.expectedDate().isAfter(LocalDate.now().plusYears(1))) {
            throw Problem.invalid("expectedDate", "must be within a year");
        }
        var id = Idempotency.newId(caller, "expected-delivery", key);
        return Mono.fromCallable(() -> body.expectedDate().plusDays(1).atStartOfDay(zones.zoneOf(caller.societyId()))
                        .toInstant())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lapsesAt -> sender.create(caller, new ExpectDelivery(new ExpectedDeliveryId(id),
                                SocietyId.of(caller.societyId()), flat, new UserId(caller.userId()), body.companyName(),
                                body.itemName(), body.expectedDate(), body.timeFrom(), body.timeUntil(), lapsesAt),
                        Idempotency.given(key), new FindExpectedDelivery(id), ExpectedDeliveryView.class));
    }

    @DeleteMapping("/expected/{id}")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "No longer expect a delivery", description = "Answers it CANCELLED; 409 when already claimed, "
            + "cancelled or lapsed; another flat's is 404.")
    public Mono<ExpectedDeliveryView> cancel(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller, new CancelExpectedDelivery(new ExpectedDeliveryId(id),
                        new UserId(caller.userId()), caller.ownFlat()), new FindExpectedDelivery(id),
                ExpectedDeliveryView.class);
    }

    @PostMapping("/auto-approve")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Let some companies' deliveries in without asking",
            description = "Body {companies, allowedDays? (MONDAY..SUNDAY; none: every day), timeFrom? and timeUntil? "
                    + "(HH:MM, both or neither; an end before the start wraps midnight)}. Active at once.")
    public Mono<AutoApproveRuleView> createRule(Caller caller, @Valid @RequestBody RuleRequest body,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "auto-approve-rule", key);
        return sender.create(caller, new CreateAutoApproveRule(new AutoApproveRuleId(id), SocietyId.of(caller.societyId()),
                        caller.ownFlat(), new UserId(caller.userId()), body.companies(), body.allowedDays(),
                        body.timeFrom(), body.timeUntil()), Idempotency.given(key), new FindAutoApproveRule(id),
                AutoApproveRuleView.class);
    }

    @PatchMapping("/auto-approve/{id}")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Change or pause a rule of your flat",
            description = "Body {companies?, allowedDays?, timeFrom?, timeUntil?, isActive?}: what is left out stays. "
                    + "Another flat's rule is 404.")
    public Mono<AutoApproveRuleView> changeRule(Caller caller, @PathVariable UUID id, @Valid @RequestBody RuleChange body) {
        return sender.sendAndRead(caller, new ChangeAutoApproveRule(new AutoApproveRuleId(id), new UserId(caller.userId()),
                        caller.ownFlat(), body.companies(), body.allowedDays(), body.timeFrom(), body.timeUntil(),
                        body.isActive()), new FindAutoApproveRule(id), AutoApproveRuleView.class);
    }

    @DeleteMapping("/auto-approve/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Remove a rule of your flat", description = "Another flat's rule is 404.")
    public Mono<Void> deleteRule(Caller caller, @PathVariable UUID id) {
        return sender.send(caller, new DeleteAutoApproveRule(new AutoApproveRuleId(id), new UserId(caller.userId()),
                caller.ownFlat())).then();
    }
}
