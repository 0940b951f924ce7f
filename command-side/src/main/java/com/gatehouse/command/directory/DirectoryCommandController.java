package com.gatehouse.command.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.api.common.SessionSignals;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindFlat;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.FlatView;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.api.directory.SocietyCommand.AddBlock;
import com.gatehouse.api.directory.SocietyCommand.AddFlat;
import com.gatehouse.api.directory.SocietyCommand.CreateSociety;
import com.gatehouse.api.directory.SocietyCommand.NewFlat;
import com.gatehouse.api.directory.SocietyCommand.UpdateSociety;
import com.gatehouse.api.directory.UserCommand.ChangeUserRole;
import com.gatehouse.api.directory.UserCommand.DeactivateUser;
import com.gatehouse.api.directory.UserCommand.ReactivateUser;
import com.gatehouse.api.directory.UserCommand.RegisterUser;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.common.KeepSpaces;
import com.gatehouse.command.common.MaxBytes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/** Changes to the directory: societies, flats, users. Reads are served by the query side. */
@RestController
@RequestMapping("/api/v1/admin/societies")
@Tag(name = "Directory")
public class DirectoryCommandController {

    private final CommandSender sender;
    private final ClusterSignals signals;

    public DirectoryCommandController(CommandSender sender, ClusterSignals signals) {
        this.sender = sender;
        this.signals = signals;
    }

    /** {@code timeZone}: optional IANA zone id (default Asia/Kolkata); reports and rules count days and hours in it. */
    public record CreateSocietyRequest(@NotBlank @Size(max = 120) String name,
                                       @NotBlank @Size(max = 80) String city,
                                       @Size(max = 64) String timeZone) {
    }

    /** {@code floor}: optional, 0 = ground; within the block's floors when the block was created with them. */
    public record AddFlatRequest(@NotBlank @Size(max = 20) String block, @NotBlank @Size(max = 20) String number,
                                 @Min(0) @Max(Society.MAX_FLOORS) Integer floor) {
    }

    /** Every field optional: left out = unchanged; an empty text clears an optional one (not name or city). */
    public record UpdateSocietyRequest(@Size(max = 120) String name, @Size(max = 80) String city,
                                       @Size(max = 300) String address, @Size(max = 80) String state,
                                       @Pattern(regexp = "^$|^[0-9]{6}$", message = "must be 6 digits") String pincode,
                                       @Size(max = 120) String contactName,
                                       @Pattern(regexp = "^$|" + PHONE, message = PHONE_MESSAGE) String contactPhone,
                                       @Email @Size(max = 254) String contactEmail,
                                       @Size(max = 64) String timeZone, Boolean active) {
    }

    public record BlockFlatRequest(@NotBlank @Size(max = 20) String number,
                                   @Min(0) @Max(Society.MAX_FLOORS) Integer floor) {
    }

    public record AddBlockRequest(@NotBlank @Size(max = 20) String name,
                                  @NotNull @Min(1) @Max(Society.MAX_FLOORS) Integer floors,
                                  @NotEmpty @Size(max = Society.MAX_FLATS_PER_BLOCK)
                                  List<@Valid @NotNull BlockFlatRequest> flats) {
    }

    /** What a bulk creation made (visible in the directory when answered). */
    public record BlockCreated(UUID id, UUID societyId, String name, int floors, List<CreatedFlat> flats) {
    }

    public record CreatedFlat(UUID id, String number, Integer floor) {
    }

    public record RegisterUserRequest(@NotBlank @Size(max = 120) String name,
                                      @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                                      @NotBlank @Size(min = 8) @MaxBytes(Passwords.MAX_BYTES) @KeepSpaces String password,
                                      @NotNull Role role,
                                      UUID flatId) {
    }

    public record ChangeUserRequest(@NotNull Role role, UUID flatId) {
    }

    public static final String PHONE = "^\\+?[0-9]{7,15}$";
    public static final String PHONE_MESSAGE = "must be 7 to 15 digits, optionally starting with +";

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Create a society", description = "Body: {name, city, timeZone?}. timeZone is an IANA region "
            + "such as Asia/Kolkata (the default when left out); every day and hour of the society's reports, rules "
            + "and opening hours is counted in it. An offset (+05:30) or an unknown zone is refused (400).")
    public Mono<SocietyView> createSociety(Caller caller, @Valid @RequestBody CreateSocietyRequest body,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var id = Idempotency.newId(caller, "society", key);
        return sender.create(caller, new CreateSociety(new SocietyId(id), body.name(), body.city(), body.timeZone()),
                Idempotency.given(key), new FindSociety(id), SocietyView.class);
    }

    @PostMapping("/{societyId}/flats")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Add a flat to a society", description = "Block and number are unique within the society (409 otherwise).")
    public Mono<FlatView> addFlat(Caller caller, @PathVariable UUID societyId, @Valid @RequestBody AddFlatRequest body,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        caller.requireSociety(societyId, "Society");
        var id = Idempotency.newId(caller, "flat", key);
        return sender.create(caller, new AddFlat(new SocietyId(societyId), new FlatId(id), body.block(), body.number(),
                body.floor()), Idempotency.given(key), new FindFlat(id), FlatView.class);
    }

    @PatchMapping("/{societyId}")
    @Allowed(Role.SUPER_ADMIN)
    @Operation(summary = "Update a society", description = """
            Body (every field optional; left out = unchanged, an empty text clears address, state, pincode or a \
            contact): {name, city, address, state, pincode (6 digits), contactName, contactPhone, contactEmail, \
            timeZone, active}. contact*: the society office's. timeZone is an IANA region (400 for an offset or an \
            unknown zone); every report day and hour is counted in the new zone from the answer on. active false \
            deactivates the society: each of its members (admins, guards, residents, auditors) is refused every \
            request with 403 "This society is inactive..." until it is set true again (on every instance at once). \
            Answers the society.""")
    public Mono<SocietyView> updateSociety(Caller caller, @PathVariable UUID societyId,
                                           @Valid @RequestBody UpdateSocietyRequest body) {
        caller.requireSociety(societyId, "Society");
        return sender.find(new FindSociety(societyId), SocietyView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .flatMap(society -> sender.sendAndRead(caller, new UpdateSociety(new SocietyId(societyId), body.name(),
                                body.city(), body.address(), body.state(), body.pincode(), body.contactName(),
                                body.contactPhone(), body.contactEmail(), body.timeZone(), body.active()),
                        new FindSociety(societyId), SocietyView.class));
    }

    @PostMapping("/{societyId}/blocks")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Create a block with its flats in one call", description = """
            Body {name, floors (1-200, above the ground floor), flats: [{number, floor?}] (1-500)}. A flat's floor \
            is 0 (ground) to floors. All or nothing: a block name already created this way, a flat number listed \
            twice (400) or already in the society under that block (409) refuses the whole call. Blocks named only \
            by flats added one at a time (POST /flats) may be created here to give them floors. The block's id is \
            the one the onboarding listings show. Answers {id, societyId, name, floors, flats: [{id, number, \
            floor}]} once the directory shows them. Not idempotent by key: a retry answers 409 (the block exists).""")
    public Mono<BlockCreated> addBlock(Caller caller, @PathVariable UUID societyId,
                                       @Valid @RequestBody AddBlockRequest body) {
        caller.requireSociety(societyId, "Society");
        List<NewFlat> flats = body.flats().stream()
                .map(f -> new NewFlat(FlatId.random(), f.number(), f.floor())).toList();
        var command = new AddBlock(new SocietyId(societyId), body.name(), body.floors(), flats);
        return sender.find(new FindSociety(societyId), SocietyView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .flatMap(society -> sender.sendVisible(caller, command, FindFlat.class))
                .then(Mono.fromSupplier(() -> new BlockCreated(Blocks.idOf(societyId, body.name()), societyId,
                        body.name().strip(), body.floors(), flats.stream()
                        .map(f -> new CreatedFlat(f.flatId().value(), f.number().strip(), f.floor())).toList())));
    }

    @PostMapping("/{societyId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Register a user in a society",
            description = "Roles ADMIN, GUARD, RESIDENT (needs flatId of this society) or AUDITOR. Phone numbers are unique (409) "
                    + "and stored in E.164: Indian numbers in any usual form become +91XXXXXXXXXX, others must start with +. "
                    + "The first resident of a flat is its primary resident (who invites family).")
    public Mono<UserView> registerUser(Caller caller, @PathVariable UUID societyId,
                                       @Valid @RequestBody RegisterUserRequest body,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        caller.requireSociety(societyId, "Society");
        if (body.role() == Role.SUPER_ADMIN) {
            throw Problem.invalid("role", "must be one of ADMIN, GUARD, RESIDENT, AUDITOR");
        }
        var id = Idempotency.newId(caller, "user", key);
        return Mono.fromCallable(() -> Passwords.hash(body.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> sender.create(caller,
                        new RegisterUser(new UserId(id), body.name(), Phones.normalise(body.phone(), "phone"), hash, body.role(),
                                new SocietyId(societyId), FlatId.of(body.flatId())),
                        Idempotency.given(key), new FindUser(id), UserView.class));
    }

    @PatchMapping("/{societyId}/users/{userId}")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Change a user's role (and flat, for residents)",
            description = "Their open live streams end within a second (ACCESS_CHANGED): their apps log in again.")
    public Mono<UserView> changeUser(Caller caller, @PathVariable UUID societyId, @PathVariable UUID userId,
                                     @Valid @RequestBody ChangeUserRequest body) {
        return inSociety(caller, societyId, userId).flatMap(user -> sender.sendAndRead(caller,
                        new ChangeUserRole(new UserId(userId), body.role(), FlatId.of(body.flatId())),
                        new FindUser(userId), UserView.class)
                .flatMap(changed -> accessChanged(user, changed)));
    }

    @PostMapping("/{societyId}/users/{userId}/deactivate")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Deactivate a user", description = "Their refresh tokens stop working at once, their open "
            + "live streams end within a second (ACCESS_CHANGED) and their access tokens within one access-token lifetime.")
    public Mono<UserView> deactivateUser(Caller caller, @PathVariable UUID societyId, @PathVariable UUID userId) {
        return inSociety(caller, societyId, userId).flatMap(user -> sender.sendAndRead(caller,
                        new DeactivateUser(new UserId(userId)), new FindUser(userId), UserView.class)
                .flatMap(changed -> accessChanged(user, changed)));
    }

    @PostMapping("/{societyId}/users/{userId}/reactivate")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Reactivate a deactivated user", description = """
            They log in again as before (their password is unchanged); a resident returns to their flat (and is its \
            primary resident when it has none). An active user answers as is. 409 for an invited family member (they \
            become active at their first sign-in) and for a resident removed from their flat by its primary resident \
            (register them again). Another society's user is 404.""")
    public Mono<UserView> reactivateUser(Caller caller, @PathVariable UUID societyId, @PathVariable UUID userId) {
        return inSociety(caller, societyId, userId).flatMap(user -> sender.sendAndRead(caller,
                new ReactivateUser(new UserId(userId)), new FindUser(userId), UserView.class));
    }

    /**
     * Ends the user's live streams on every instance when their access changed. Sent once the read model shows
     * the change, so a client that reconnects at once (refresh, log in) already gets the new access.
     */
    private Mono<UserView> accessChanged(UserView before, UserView after) {
        if (before.active() == after.active() && before.role() == after.role()
                && java.util.Objects.equals(before.flatId(), after.flatId())) {
            return Mono.just(after);
        }
        return Mono.fromRunnable(() -> SessionSignals.accessChanged(signals, after.id()))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(after);
    }

    /** The user as the directory shows it, or 404 when it is not a user of a society the caller may see. */
    private Mono<UserView> inSociety(Caller caller, UUID societyId, UUID userId) {
        caller.requireSociety(societyId, "Society");
        return sender.find(new FindUser(userId), UserView.class)
                .filter(user -> societyId.equals(user.societyId()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("User")));
    }
}
