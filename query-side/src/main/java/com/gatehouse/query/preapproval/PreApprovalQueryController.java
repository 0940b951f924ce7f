package com.gatehouse.query.preapproval;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.GateTokens;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.preapproval.PreApprovalStatus;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalQr;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.projection.preapproval.PreApprovalReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import com.gatehouse.query.common.QrCardImage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * Reads of pre-approvals. Residents see their own flat's; guards and admins the society's (the gate needs
 * to know who is expected). Another flat's or society's answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/gate/preapprovals")
@Tag(name = "Pre-approvals")
public class PreApprovalQueryController {

    private final PreApprovalReadModel readModel;
    private final GateTokens tokens;

    public PreApprovalQueryController(PreApprovalReadModel readModel, GateTokens tokens) {
        this.readModel = readModel;
        this.tokens = tokens;
    }

    @GetMapping
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "Pre-approvals, newest first",
            description = "Filters status (ACTIVE, USED, EXPIRED, CANCELLED) and flatId; residents see only their own "
                    + "flat. Response: {preApprovals: [...], pagination}.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) PreApprovalStatus status,
                                          @RequestParam(required = false) UUID flatId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> Paged.body("preApprovals",
                readModel.list(caller.societyId(), flat, status, request), request));
    }

    @GetMapping("/{id}")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "A pre-approval", description = "With usedCount, remainingUses and the entry code.")
    public Mono<PreApprovalView> one(Caller caller, @PathVariable UUID id) {
        return visible(caller, id);
    }

    @GetMapping(value = "/{id}/qr", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Allowed(Role.RESIDENT)
    @Operation(summary = "The pre-approval's QR code, to share with the visitor",
            description = "{preApprovalId, qrToken, code, validFrom, validUntil, status} by default; with Accept: "
                    + "image/png the QR code as a PNG with the visitor's name and the entry code under it. The token "
                    + "is a JWT (alg EdDSA, the key at /.well-known/jwks.json, header typ preapproval+jwt, claims "
                    + "sub, sid, aud gatehouse:pre-approval); it is never valid as an access token. Residents of "
                    + "the flat only.")
    public Mono<ResponseEntity<Object>> qr(Caller caller, @PathVariable UUID id,
                                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean png = QrCardImage.wantsPng(accept);
        return visible(caller, id).flatMap(view -> {
            var qr = new PreApprovalQr(view.id(), tokens.issue(GateTokens.Kind.PRE_APPROVAL, view.id(),
                    view.societyId()), view.code(), view.validFrom(), view.validUntil(), view.status());
            return QrCardImage.answer(png, qr, qr.qrToken(), view.visitorName(), "Code " + view.code(), () -> null);
        });
    }

    private Mono<PreApprovalView> visible(Caller caller, UUID id) {
        return Blocking.readVisible(() -> readModel.find(id), view -> caller.canSeeFlat(view.societyId(), view.flatId()),
                "Pre-approval");
    }
}
