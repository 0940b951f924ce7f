package com.gatehouse.query.upload;

import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Problem;
import com.gatehouse.api.common.Role;
import com.gatehouse.api.upload.DocumentAccess;
import com.gatehouse.api.upload.ObjectUrls;
import com.gatehouse.api.upload.ObjectUrls.SignedUrl;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindFlatsShownEntryPhoto;
import com.gatehouse.projection.upload.UploadReadModel;
import com.gatehouse.query.common.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Short-lived links to view confirmed documents, for those {@link DocumentAccess} lets see them. */
@RestController
@RequestMapping("/api/v1/upload")
@Tag(name = "Uploads")
public class UploadQueryController {

    /** How long to wait for the contexts that say which flats are shown an entry photo. */
    static final long FLATS_SHOWN_TIMEOUT_SECONDS = 5;

    private final UploadReadModel readModel;
    private final ObjectUrls urls;
    private final QueryGateway queries;

    public UploadQueryController(UploadReadModel readModel, ObjectUrls urls, QueryGateway queries) {
        this.readModel = readModel;
        this.urls = urls;
        this.queries = queries;
    }

    @GetMapping("/{id}/view-url")
    @Allowed({Role.SUPER_ADMIN, Role.ADMIN, Role.GUARD, Role.RESIDENT, Role.APPLICANT})
    @Operation(summary = "A short-lived URL to view (GET) a document",
            description = """
                    Answers {url, expiresAt}; the URL works for gatehouse.upload.view-url-ttl (1 hour). Who may \
                    view: the uploader and the society's admins; for an ENTRY_PHOTO also the society's guards \
                    and the residents of the flats whose entry requests show it. Anyone else of the society \
                    gets 403; a document of another society (or a deleted one) 404.""")
    public Mono<SignedUrl> viewUrl(Caller caller, @PathVariable UUID id) {
        return Blocking.read(() -> {
            DocumentView document = readModel.document(id)
                    .filter(d -> caller.applyingTo(d.societyId()).canSeeSociety(d.societyId()))
                    .orElseThrow(() -> Problem.notFound("Document"));
            if (!DocumentAccess.mayView(caller.applyingTo(document.societyId()), document, () -> flatsShown(document.s3Key()))) {
                throw Problem.forbidden("You may not view this document");
            }
            return urls.viewUrl(document.s3Key());
        });
    }

    /**
     * Every context that shows entry photos may answer (today: entry requests), so all answers are
     * gathered; none (no such context deployed) means no flat.
     */
    private Collection<UUID> flatsShown(String s3Key) {
        return queries.scatterGather(new FindFlatsShownEntryPhoto(s3Key),
                        ResponseTypes.multipleInstancesOf(UUID.class), FLATS_SHOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .flatMap(List::stream)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
