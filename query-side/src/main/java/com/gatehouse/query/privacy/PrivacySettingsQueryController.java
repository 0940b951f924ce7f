package com.gatehouse.query.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.PageRequest;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.privacy.PrivacyViews.RetentionView;
import com.gatehouse.projection.directory.DirectoryReadModel;
import com.gatehouse.projection.privacy.PrivacySettingsReadModel;
import com.gatehouse.query.common.Blocking;
import com.gatehouse.query.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/** A society's privacy settings as its admins read them: the retention in force and the legal holds in force. */
@RestController
@Tag(name = "Privacy")
public class PrivacySettingsQueryController {

    private final PrivacySettingsQueryHandler retention;
    private final PrivacySettingsReadModel readModel;
    private final DirectoryReadModel directory;

    public PrivacySettingsQueryController(PrivacySettingsQueryHandler retention, PrivacySettingsReadModel readModel,
                                          DirectoryReadModel directory) {
        this.retention = retention;
        this.readModel = readModel;
        this.directory = directory;
    }

    @GetMapping("/api/v1/admin/societies/{societyId}/retention")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "How long the society keeps personal data",
            description = "Response {societyId, visitorRetentionDays, entryPhotoRetentionDays, deactivatedRetentionDays, "
                    + "installationDefaults: {visitorRetentionDays, entryPhotoRetentionDays, deactivatedRetentionDays}, "
                    + "changedBy, changedAt}: the retention in force, in days: a visit's personal data (name, phone, "
                    + "vehicle, photo key) is erased visitorRetentionDays after the visit, an entry photo leaves the "
                    + "object store entryPhotoRetentionDays after it was taken, a deactivated account's or staff "
                    + "member's data is erased deactivatedRetentionDays after the deactivation (the daily "
                    + "privacy-retention job; legal holds excepted). Each is the society's own setting (PUT) or else "
                    + "the installation's (gatehouse.privacy.*-retention). changedBy/changedAt null: never changed. "
                    + "ADMIN: own society; SUPER_ADMIN: any; 404 unknown society or another society's.")
    public Mono<RetentionView> retention(Caller caller, @PathVariable UUID societyId) {
        caller.requireSociety(societyId, "Society");
        return Blocking.readOne(() -> directory.society(societyId), "Society")
                .flatMap(society -> Blocking.read(() -> retention.retention(societyId)));
    }

    @GetMapping("/api/v1/admin/privacy/holds")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "The legal holds in force, newest first",
            description = "Response {holds: [...], pagination}. Each: {holdId, kind (VISITOR, STAFF or USER), subjectId, "
                    + "societyId, reason, placedBy, placedAt}. A released hold leaves the list (placing and releasing "
                    + "stay in the audit trail). ADMIN: own society (societyId, when given, must be it: 404 otherwise); "
                    + "SUPER_ADMIN: every society, or the one given.")
    public Mono<Map<String, Object>> holds(Caller caller, @RequestParam(required = false) UUID societyId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer limit) {
        UUID society;
        if (caller.isPlatformWide()) {
            society = societyId;
        } else {
            if (caller.societyId() == null) {
                return Mono.error(Problem.forbidden("This account belongs to no society"));
            }
            if (societyId != null) {
                caller.requireSociety(societyId, "Society");
            }
            society = caller.societyId();
        }
        var request = PageRequest.of(page, limit);
        return Blocking.read(() -> Paged.body("holds", readModel.holds(society, request), request));
    }
}
