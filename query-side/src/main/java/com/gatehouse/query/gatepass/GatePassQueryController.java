package com.gatehouse.query.gatepass;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.GateTokens;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.gatepass.GatePassStatus;
import com.gatehouse.api.gatepass.GatePassType;
import com.gatehouse.api.gatepass.GatePassView;
import com.gatehouse.api.gatepass.GatePassView.GatePassQr;
import com.gatehouse.projection.gatepass.GatePassReadModel;
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
 * Reads of gate passes: residents see their own flat's, admins and guards the society's. Another flat's or
 * society's pass answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/gate/passes")
@Tag(name = "Gate passes")
public class GatePassQueryController {

    private final GatePassReadModel readModel;
    private final GateTokens tokens;

    public GatePassQueryController(GatePassReadModel readModel, GateTokens tokens) {
        this.readModel = readModel;
        this.tokens = tokens;
    }

    @GetMapping
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "Gate passes, newest first",
            description = "Filters status, type and flatId; residents see only their own flat, admins and guards the "
                    + "society. Response: {gatePasses: [...], pagination}.")
    public Mono<Map<String, Object>> list(Caller caller, @RequestParam(required = false) GatePassStatus status,
                                          @RequestParam(required = false) GatePassType type,
                                          @RequestParam(required = false) UUID flatId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer limit) {
        var request = PageRequest.of(page, limit);
        UUID flat = caller.flatScope(flatId);
        return Blocking.read(() -> Paged.body("gatePasses",
                readModel.list(caller.societyId(), flat, status, type, request), request));
    }

    @GetMapping("/{id}")
    @Allowed({Role.RESIDENT, Role.GUARD, Role.ADMIN})
    @Operation(summary = "A gate pass")
    public Mono<GatePassView> one(Caller caller, @PathVariable UUID id) {
        return visible(caller, id);
    }

    @GetMapping(value = "/{id}/qr", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Allowed({Role.RESIDENT, Role.ADMIN})
    @Operation(summary = "The approved pass's QR code, to show at the gate",
            description = "{gatePassId, qrToken, type, validFrom, validUntil, status} by default; with Accept: "
                    + "image/png the QR code as a PNG with the title and type under it. 409 until the pass is "
                    + "approved. The token is a JWT (alg EdDSA, the key at /.well-known/jwks.json, header typ "
                    + "gatepass+jwt, claims sub, sid, aud gatehouse:gate-pass); it is never valid as an access "
                    + "token. Residents of the flat and admins of the society.")
    public Mono<ResponseEntity<Object>> qr(Caller caller, @PathVariable UUID id,
                                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean png = QrCardImage.wantsPng(accept);
        return visible(caller, id).flatMap(view -> {
            if (view.status() == GatePassStatus.PENDING || view.status() == GatePassStatus.REJECTED) {
                return Mono.error(Problem.conflict("This gate pass is " + view.status() + ": it has no QR code"));
            }
            var qr = new GatePassQr(view.id(), tokens.issue(GateTokens.Kind.GATE_PASS, view.id(), view.societyId()),
                    view.type(), view.validFrom(), view.validUntil(), view.status());
            return QrCardImage.answer(png, qr, qr.qrToken(), view.title(), view.type().name(), () -> null);
        });
    }

    private Mono<GatePassView> visible(Caller caller, UUID id) {
        return Blocking.readVisible(() -> readModel.find(id), view -> caller.canSeeFlat(view.societyId(), view.flatId()),
                "Gate pass");
    }
}
