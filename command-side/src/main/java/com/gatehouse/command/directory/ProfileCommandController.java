package com.gatehouse.command.directory;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.common.UserId;
import com.gatehouse.api.directory.DirectoryQuery.FindUser;
import com.gatehouse.api.directory.DirectoryViews.UserView;
import com.gatehouse.api.directory.UserCommand.UpdateProfile;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import com.gatehouse.command.common.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A user changes their own profile (GET /auth/me reads it). */
@RestController
@Tag(name = "Auth")
public class ProfileCommandController {

    private final CommandSender sender;

    public ProfileCommandController(CommandSender sender) {
        this.sender = sender;
    }

    /** Every field optional: left out = unchanged; an empty email or photoKey removes it. */
    public record OwnProfileRequest(@Size(max = 120) String name, @Email @Size(max = 254) String email,
                                 @Size(max = 1024) String photoKey) {
    }

    @PatchMapping("/api/v1/auth/me")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.AUDITOR, Role.APPLICANT})
    @Operation(summary = "Change your own profile: name, email, photo", description = """
            Body {name?, email?, photoKey?}: left out = unchanged; an empty email or photoKey removes it; a blank \\
            name is refused (400). photoKey is the s3Key of a confirmed PROFILE_PHOTO upload you made (POST \\
            /upload/presigned-url, PUT, /upload/confirm; 400 otherwise); applicants, who belong to no society yet, \\
            add a photo after approval. Answers the account {id, name, phone, role, societyId, flatId, active, \\
            createdAt, email, photoKey, primaryResident, familyRole, invited}; GET /auth/me shows it too.""")
    public Mono<UserView> update(Caller caller, @Valid @RequestBody OwnProfileRequest body) {
        return requirePhoto(caller, body.photoKey()).then(sender.sendAndRead(caller,
                new UpdateProfile(new UserId(caller.userId()), body.name(), body.email(), body.photoKey()),
                new FindUser(caller.userId()), UserView.class));
    }

    /** A photo must be a confirmed PROFILE_PHOTO upload of the caller (checked with the upload context). */
    private Mono<Void> requirePhoto(Caller caller, String photoKey) {
        if (photoKey == null || photoKey.isBlank()) {
            return Mono.empty();
        }
        return sender.find(new FindDocumentByKey(photoKey.strip()), DocumentView.class)
                .filter(document -> document.purpose() == UploadPurpose.PROFILE_PHOTO
                        && caller.userId().equals(document.uploadedBy()))
                .switchIfEmpty(Mono.error(() -> Problem.invalid("photoKey",
                        "must be the s3Key of a confirmed PROFILE_PHOTO upload of yours")))
                .then();
    }
}
