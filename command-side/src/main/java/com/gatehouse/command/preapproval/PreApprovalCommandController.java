package com.gatehouse.command.preapproval;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.FlatId;
import com.gatehouse.api.common.GateTokens;
import com.gatehouse.api.common.GateTokens.GateToken;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.entry.EntryId;
import com.gatehouse.api.entry.EntryQuery.FindEntry;
import com.gatehouse.api.entry.EntryViews.EntryView;
import com.gatehouse.api.preapproval.PreApprovalCommand.CancelPreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.CreatePreApproval;
import com.gatehouse.api.preapproval.PreApprovalCommand.ScanPreApproval;
import com.gatehouse.api.preapproval.PreApprovalId;
import com.gatehouse.api.preapproval.PreApprovalQuery.FindPreApproval;
import com.gatehouse.api.preapproval.PreApprovalStatus;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalScan;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.api.preapproval.VisitorType;
import com.gatehouse.command.common.CommandSender;
import com.gatehouse.command.common.Idempotency;
import com.gatehouse.command.directory.DirectoryCommandController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Pre-approvals' changes: residents create and cancel them for their own flat, guards scan them at the gate
 * (by QR token or by the 6-digit code). Reads (list, one, its QR) are served by the query side.
 */
@RestController
@RequestMapping("/api/v1/gate/preapprovals")
@Tag(name = PreApprovalCommandController.TAG, description = """
        A resident lets a visitor in ahead of time: a window (validFrom, validUntil) and a number of uses (maxUses, \
        default 1). The visitor shows the QR code (a token signed by the server, of its own type; never an access \
        token) or reads out the 6-digit entry code (unique among the society's active pre-approvals); a guard scans \
        either and the visitor is in the gate log at once, marked pre-approved, and the flat is notified \
        (VISITOR_ENTERED). Each scan is decided by the pre-approval itself: ten guards scanning a maxUses=3 \
        pre-approval at the same instant admit exactly three visitors and create exactly three entries; the other \
        seven get 409. It expires at validUntil by a persistent deadline (also across restarts) and may be \
        cancelled by a resident of the flat.""")
public class PreApprovalCommandController {

    public static final String TAG = "Pre-approvals";

    private final CommandSender sender;
    private final GateTokens tokens;
    private final PreApprovalCodes codes;

    public PreApprovalCommandController(CommandSender sender, GateTokens tokens, PreApprovalCodes codes) {
        this.sender = sender;
        this.tokens = tokens;
        this.codes = codes;
    }

    public record CreateRequest(@NotBlank @Size(max = 120) String visitorName,
                                @NotBlank @Pattern(regexp = DirectoryCommandController.PHONE,
                                        message = DirectoryCommandController.PHONE_MESSAGE) String visitorPhone,
                                @NotNull VisitorType visitorType,
                                @Size(max = 500) String purpose,
                                @Size(max = 20) String vehicleNumber,
                                Instant validFrom,
                                @NotNull Instant validUntil,
                                @Min(1) @Max(PreApproval.MOST_USES) Integer maxUses) {
    }

    public record ScanRequest(@Size(max = 4096) String qrToken,
                              @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6-digit entry code") String code) {
    }

    /** What the resident gets back: the pre-approval, and the QR token and code to share with the visitor. */
    public record Created(PreApprovalView preApproval, String qrToken, String code) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Pre-approve a visitor for your flat",
            description = "Body {visitorName, visitorPhone, visitorType, purpose?, vehicleNumber?, validFrom? (default "
                    + "now), validUntil, maxUses? (default 1, at most 100)}. validUntil must be after validFrom, in the "
                    + "future and at most 90 days after validFrom (400 otherwise). Answers {preApproval, qrToken, code}: "
                    + "the QR token (also at /{id}/qr, as JSON or image/png) and the 6-digit entry code, unique among "
                    + "the society's active pre-approvals, for a visitor without a smartphone to read out at the gate. "
                    + "It expires by itself at validUntil. With an Idempotency-Key, a retry answers the first one.")
    public Mono<Created> create(Caller caller, @Valid @RequestBody CreateRequest body,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        FlatId flat = caller.ownFlat();
        var id = Idempotency.newId(caller, "pre-approval", key);
        var command = new CreatePreApproval(new PreApprovalId(id), caller.ownSociety(), flat, new UserId(caller.userId()),
                body.visitorName(), body.visitorPhone(), body.visitorType(), body.purpose(), body.vehicleNumber(),
                body.validFrom() == null ? Instant.now() : body.validFrom(), body.validUntil(),
                body.maxUses() == null ? 1 : body.maxUses());
        return sender.create(caller, command, Idempotency.given(key), new FindPreApproval(id), PreApprovalView.class)
                .map(view -> new Created(view, tokens.issue(GateTokens.Kind.PRE_APPROVAL, view.id(), view.societyId()),
                        view.code()));
    }

    @DeleteMapping("/{id}")
    @Allowed(Role.RESIDENT)
    @Operation(summary = "Cancel a pre-approval of your flat",
            description = "Answers it with status CANCELLED; its code and QR stop admitting at once. 409 when it is "
                    + "no longer ACTIVE (used up, expired, already cancelled); another flat's is 404.")
    public Mono<PreApprovalView> cancel(Caller caller, @PathVariable UUID id) {
        return sender.sendAndRead(caller, new CancelPreApproval(new PreApprovalId(id), new UserId(caller.userId()),
                        FlatId.of(caller.flatId())), new FindPreApproval(id), PreApprovalView.class);
    }

    @PostMapping("/scan")
    @Allowed(Role.GUARD)
    @Operation(summary = "Admit a pre-approved visitor by QR token or 6-digit code",
            description = "Body {qrToken} or {code} (exactly one). Admits the visitor: an entry in the gate log, "
                    + "autoApproved with reason 'Pre-approved by resident' and linked by preApprovalId; usedCount + 1; "
                    + "every resident of the flat is notified (VISITOR_ENTERED). Answers {entry, preApproval}. "
                    + "Refusals: not valid yet, expired, cancelled or used up 409 with the reason (a scan that loses "
                    + "the race for the last use gets 409 and creates no entry); a token that is not a pre-approval QR "
                    + "signed by this server 400; another society's pre-approval, or a code no pre-approval of the "
                    + "society has, 404. With an Idempotency-Key a retried scan answers its first result.")
    public Mono<PreApprovalScan> scan(Caller caller, @Valid @RequestBody ScanRequest body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        boolean byToken = body.qrToken() != null && !body.qrToken().isBlank();
        boolean byCode = body.code() != null && !body.code().isBlank();
        if (byToken == byCode) {
            throw Problem.invalid("qrToken", "give either qrToken or code");
        }
        return Mono.fromCallable(() -> byToken ? fromToken(caller, body.qrToken()) : fromCode(caller, body.code()))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(preApproval -> admit(caller, preApproval, key));
    }

    private Mono<PreApprovalScan> admit(Caller caller, PreApprovalId preApproval, String key) {
        var entryId = new EntryId(Idempotency.newId(caller, "pre-approval-scan:" + preApproval, key));
        UUID id = preApproval.value();
        // the scan writes the pre-approval's use and the entry in one unit of work: answer both once visible
        return sender.<Integer, PreApprovalView>sendAndReadResult(caller,
                        new ScanPreApproval(preApproval, caller.ownSociety(), new UserId(caller.userId()), entryId),
                        count -> new FindPreApproval(id), PreApprovalView.class)
                .flatMap(answer -> sender.awaitView(new FindEntry(entryId.value()), EntryView.class,
                                entryId.value().toString())
                        .map(entry -> new PreApprovalScan(entry, answer.view())));
    }

    private PreApprovalId fromToken(Caller caller, String qrToken) {
        GateToken token = tokens.read(GateTokens.Kind.PRE_APPROVAL, qrToken);
        caller.requireSociety(token.societyId().value(), "Pre-approval");
        return new PreApprovalId(token.id());
    }

    private PreApprovalId fromCode(Caller caller, String code) {
        return codes.find(caller.ownSociety(), code.strip())
                .orElseThrow(() -> Problem.notFound("Pre-approval with this code"));
    }
}
