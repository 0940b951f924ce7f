package com.gatehouse.command.emergency;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.emergency.EmergencyCommand.MarkEmergencyFalseAlarm;
import com.gatehouse.api.emergency.EmergencyCommand.RaiseEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.ResolveEmergency;
import com.gatehouse.api.emergency.EmergencyCommand.RespondToEmergency;
import com.gatehouse.api.emergency.EmergencyId;
import com.gatehouse.api.emergency.EmergencyQuery.FindEmergency;
import com.gatehouse.api.emergency.EmergencyStatus;
import com.gatehouse.api.emergency.EmergencyType;
import com.gatehouse.api.emergency.EmergencyView;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.MultiLine;
import com.gatehouse.command.common.UnknownAggregate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.UUID;

/**
 * Emergencies (SOS): any member raises one, the society's guards and admins respond (first wins), admins resolve
 * or mark a false alarm. Each answers the read model's view once it shows the change; reads and the live
 * stream are served by the query side. The reporter's flat comes from the token and its block from the
 * directory (queried before dispatch); the society is always the caller's.
 */
@RestController
@RequestMapping("/api/v1/community/emergencies")
@Tag(name = "Emergencies")
public class EmergencyCommandController {

    private final CommandSender sender;

    public EmergencyCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record RaiseRequest(@NotNull EmergencyType type,
                               @Size(max = Emergency.MAX_DESCRIPTION) @MultiLine String description,
                               @Size(max = Emergency.MAX_LOCATION) String location) {
    }

    public record NotesRequest(@Size(max = Emergency.MAX_NOTES) @MultiLine String notes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "Raise an SOS",
            description = "Body {type, description?, location?}; type MEDICAL, FIRE, THEFT, VIOLENCE, ACCIDENT or OTHER. "
                    + "The society and (for a resident) the flat come from the token; a societyId or flatId in the body "
                    + "is ignored. At once every active guard and admin of the society gets an EMERGENCY_ALERT "
                    + "notification (referenceType \"Emergency\") and a frame on emergencies.stream, and the other "
                    + "residents of the reporter's flat are told. When nobody responds within "
                    + "gatehouse.emergency.escalate-after (PT1M) it is alerted again, escalated (escalated true, "
                    + "escalationCount 1 to 3), to the guards and admins and to every resident of the reporter's block. "
                    + "Answers 201 with the emergency (status ACTIVE). Idempotency-Key honoured.")
    public Mono<EmergencyView> raise(Caller caller, @Valid @RequestBody RaiseRequest body,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "emergency", key);
        Mono<Optional<FlatView>> flat = caller.flatId() == null ? Mono.just(Optional.empty())
                : sender.find(new FindFlat(caller.flatId()), FlatView.class).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<UserView>> reporter = sender.find(new FindUser(caller.userId()), UserView.class).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(flat, reporter).flatMap(known -> {
            FlatView f = known.getT1().orElse(null);
            var command = new RaiseEmergency(new EmergencyId(id), SocietyId.of(caller.societyId()),
                    new UserId(caller.userId()), known.getT2().map(UserView::name).orElse(null),
                    f == null ? null : new FlatId(f.id()), f == null ? null : f.block(), f == null ? null : f.number(),
                    body.type(), body.description(), body.location());
            return sender.create(caller, command, Idempotency.given(key), new FindEmergency(id), EmergencyView.class);
        });
    }

    @PatchMapping("/{id}/respond")
    @Allowed({Role.GUARD, Role.ADMIN})
    @Operation(summary = "Respond to an SOS (first response wins)",
            description = "The first guard or admin to respond is recorded (respondedById, responderName, respondedAt) "
                    + "and the escalation stops; every later response answers 409 naming who responded and when, and "
                    + "so does a resolved or false-alarm emergency. Another society's emergency is 404. Everyone watching "
                    + "emergencies.stream sees the change; the reporter is notified.")
    public Mono<EmergencyView> respond(Caller caller, @PathVariable UUID id) {
        return sender.find(new FindUser(caller.userId()), UserView.class).map(UserView::name).defaultIfEmpty("")
                .flatMap(name -> sender.sendAndRead(caller,
                        new RespondToEmergency(new EmergencyId(id), SocietyId.of(caller.societyId()),
                                new UserId(caller.userId()), name.isEmpty() ? null : name),
                        new FindEmergency(id), EmergencyView.class))
                .onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Emergency"));
    }

    @PatchMapping("/{id}/resolve")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Resolve an SOS", description = "Body {notes?}. ACTIVE -> RESOLVED (resolvedById, resolvedAt, "
            + "notes); 409 when it is no longer ACTIVE. Stops a pending escalation. The reporter is notified.")
    public Mono<EmergencyView> resolve(Caller caller, @PathVariable UUID id,
                                       @Valid @RequestBody(required = false) NotesRequest body) {
        return close(caller, new ResolveEmergency(new EmergencyId(id), SocietyId.of(caller.societyId()),
                new UserId(caller.userId()), body == null ? null : body.notes()), id, EmergencyStatus.RESOLVED);
    }

    @PatchMapping("/{id}/false-alarm")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Mark an SOS a false alarm", description = "Body {notes?}. ACTIVE -> FALSE_ALARM; otherwise "
            + "as resolve.")
    public Mono<EmergencyView> falseAlarm(Caller caller, @PathVariable UUID id,
                                          @Valid @RequestBody(required = false) NotesRequest body) {
        return close(caller, new MarkEmergencyFalseAlarm(new EmergencyId(id), SocietyId.of(caller.societyId()),
                new UserId(caller.userId()), body == null ? null : body.notes()), id, EmergencyStatus.FALSE_ALARM);
    }

    private Mono<EmergencyView> close(Caller caller, Object command, UUID id, EmergencyStatus status) {
        return sender.sendAndRead(caller, command, new FindEmergency(id), EmergencyView.class)
                .onErrorMap(UnknownAggregate::causedBy, unknown -> Problem.notFound("Emergency"));
    }
}
