package com.gatehouse.command.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.Phones;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.FamilyRole;
import com.gatehouse.api.directory.UserCommand.ChangeFamilyRole;
import com.gatehouse.api.directory.UserCommand.InviteFamilyMember;
import com.gatehouse.api.directory.UserCommand.RemoveFamilyMember;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import java.util.UUID;

/**
 * The primary resident's family: invite by phone and name with a family role, change the role, remove. The
 * rules (only the flat's primary resident; at most {@value User#FAMILY_CAP} residents per flat even under
 * concurrent invites; never yourself, never a primary) are the {@link User} aggregate's. Reads: the query
 * side's family controller.
 */
@RestController
@RequestMapping("/api/v1/resident/family")
@Tag(name = "Family", description = """
        A flat's primary resident (its first resident) invites family members by phone and name with a family \\
        role; an invitee becomes an active RESIDENT of the flat at their first sign-in by one-time code. At most \\
        6 residents per flat, invitees included.""")
public class FamilyCommandController {

    private final CommandSender sender;

    public FamilyCommandController(CommandSender sender) {
        this.sender = sender;
    }

    public record InviteRequest(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 120) String name,
                                @NotNull FamilyRole familyRole) {
    }

    public record RoleRequest(@NotNull FamilyRole familyRole) {
    }

    @PostMapping("/invite")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Invite a family member", description = """
            Only the flat's primary resident (403 otherwise). The phone must belong to no account (409); it is \\
            stored as +91XXXXXXXXXX for Indian numbers. At most 6 residents per flat, pending invitees included: \\
            409 past that, also when invites arrive at the same time. Answers the member (active: false, \\
            invited: true) until their first sign-in by one-time code activates them.""")
    public Mono<UserView> invite(Caller caller, @Valid @RequestBody InviteRequest body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (caller.flatId() == null || caller.societyId() == null) {
            throw Problem.forbidden("Only a resident of a flat invites family members");
        }
        UUID id = Idempotency.newId(caller, "family-member", key);
        return sender.create(caller, new InviteFamilyMember(new UserId(id), new UserId(caller.userId()),
                        new SocietyId(caller.societyId()), new FlatId(caller.flatId()),
                        Phones.normalise(body.phone(), "phone"), body.name(), body.familyRole()),
                Idempotency.given(key), new FindUser(id), UserView.class);
    }

    @PatchMapping("/{memberId}/role")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Change a family member's role", description = """
            Only the flat's primary resident, only a member of their flat (404 otherwise), never the primary \\
            resident (400).""")
    public Mono<UserView> changeRole(Caller caller, @PathVariable UUID memberId, @Valid @RequestBody RoleRequest body) {
        return member(caller, memberId).flatMap(member -> sender.sendAndRead(caller,
                new ChangeFamilyRole(new UserId(memberId), new UserId(caller.userId()), body.familyRole()),
                new FindUser(memberId), UserView.class));
    }

    @DeleteMapping("/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Remove a family member from the flat", description = """
            Only the flat's primary resident, only a member of their flat (404 otherwise), never themselves or a \\
            primary resident (400). The member can no longer sign in; their live streams end (ACCESS_CHANGED).""")
    public Mono<Void> remove(Caller caller, @PathVariable UUID memberId) {
        return member(caller, memberId).flatMap(member -> sender.sendVisible(caller,
                new RemoveFamilyMember(new UserId(memberId), new UserId(caller.userId())), FindUser.class)).then();
    }

    /** A resident (active or invited) of the caller's flat, or 404. */
    private Mono<UserView> member(Caller caller, UUID memberId) {
        return sender.find(new FindUser(memberId), UserView.class)
                .filter(user -> user.role() == Role.RESIDENT && caller.flatId() != null
                        && caller.flatId().equals(user.flatId()) && (user.active() || user.invited()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Family member")));
    }
}
