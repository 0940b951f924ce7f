package com.gatehouse.command.privacy;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindSociety;
import com.gatehouse.api.directory.DirectoryViews.SocietyView;
import com.gatehouse.api.privacy.PrivacyQuery.FindRetention;
import com.gatehouse.api.privacy.PrivacyViews.RetentionView;
import com.gatehouse.api.privacy.RetentionCommand.ChangeRetention;
import com.gatehouse.api.privacy.RetentionSettings;
import com.gatehouse.command.common.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * {@code PUT /api/v1/admin/societies/{societyId}/retention}: how long a society keeps personal data, set by its
 * admins or the platform operator ({@link SocietyRetention}); read back with the GET of the same path (query side).
 */
@RestController
@Tag(name = "Privacy")
public class RetentionController {

    private final CommandSender sender;

    public RetentionController(CommandSender sender) {
        this.sender = sender;
    }

    public record RetentionBody(
            @Min(RetentionSettings.MIN_DAYS) @Max(RetentionSettings.MAX_VISITOR_DAYS) Integer visitorRetentionDays,
            @Min(RetentionSettings.MIN_DAYS) @Max(RetentionSettings.MAX_ENTRY_PHOTO_DAYS) Integer entryPhotoRetentionDays,
            @Min(RetentionSettings.MIN_DAYS) @Max(RetentionSettings.MAX_DEACTIVATED_DAYS) Integer deactivatedRetentionDays) {
    }

    @PutMapping("/api/v1/admin/societies/{societyId}/retention")
    @Allowed({Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Set how long the society keeps personal data",
            description = "Body {visitorRetentionDays?, entryPhotoRetentionDays?, deactivatedRetentionDays?}, in days: "
                    + "a visit's personal data 1-" + RetentionSettings.MAX_VISITOR_DAYS + ", entry photos 1-"
                    + RetentionSettings.MAX_ENTRY_PHOTO_DAYS + ", a deactivated account's or staff member's data 1-"
                    + RetentionSettings.MAX_DEACTIVATED_DAYS + " (400 otherwise). The whole setting is replaced: a "
                    + "field left out (or null) follows the installation's setting (gatehouse.privacy.visitor-retention "
                    + "P180D, entry-photo-retention P90D, deactivated-retention P30D); {} goes back to the installation's "
                    + "for all three. The daily privacy-retention job uses the new values from its next run (a shorter "
                    + "retention erases what is already older at that run; legal holds excepted). A change is the "
                    + "event RetentionChanged in the audit trail (who, when, the values); the same values again "
                    + "change nothing. Answers the retention in force as the GET does. ADMIN: own society; "
                    + "SUPER_ADMIN: any; 404 unknown society or another society's.")
    public Mono<RetentionView> change(Caller caller, @PathVariable UUID societyId,
                                      @Valid @RequestBody RetentionBody body) {
        caller.requireSociety(societyId, "Society");
        return sender.find(new FindSociety(societyId), SocietyView.class)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Society")))
                .flatMap(society -> sender.sendAndRead(caller, new ChangeRetention(new SocietyId(societyId),
                                body.visitorRetentionDays(), body.entryPhotoRetentionDays(),
                                body.deactivatedRetentionDays(), new UserId(caller.userId())),
                        new FindRetention(societyId), RetentionView.class));
    }
}
