package com.gatehouse.server.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.upload.UploadQuery.FindFlatsShownEntryPhoto;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;

import java.util.List;
import java.util.UUID;

import static com.gatehouse.server.support.Api.getFromStore;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may view and delete a document: the uploader, the society's admins, and for entry photos the
 * society's guards and the residents of the flats the photo is shown to. Another society's document is
 * 404; anyone else of the society gets 403.
 */
class UploadAccessTest extends IntegrationTest {

    private static Api.Society society;
    private static Api.Society foreign;
    private static Api.User secondGuard;

    @Autowired
    QueryBus queryBus;

    private Registration flatsShown;

    @BeforeEach
    void societies() {
        if (society == null) {
            society = api().newSociety();
            foreign = api().newSociety();
            secondGuard = api().newUser(society.admin(), society.id(), "GUARD", null);
        }
    }

    @AfterEach
    void forgetFlatsShown() {
        if (flatsShown != null) {
            flatsShown.cancel();
        }
    }

    /**
     * Stands in for the entry-request context: says that flat A's entry request shows this photo. Other
     * answers (the real context, once deployed) are gathered alongside it.
     */
    private void showToFlat(String s3Key, UUID flat) {
        MessageHandler<QueryMessage<?, Object>> handler = query ->
                query.getPayload() instanceof FindFlatsShownEntryPhoto find && find.s3Key().equals(s3Key)
                        ? List.of(flat) : List.of();
        flatsShown = queryBus.subscribe(FindFlatsShownEntryPhoto.class.getName(),
                ResolvableType.forClassWithGenerics(List.class, UUID.class).getType(), handler);
    }

    private JsonNode upload(Api.User user, String purpose) {
        return api().upload(user, purpose, purpose.toLowerCase() + ".png", "image/png", new byte[]{1, 2, 3, 4});
    }

    private void expectView(Api.User user, JsonNode document, int status) {
        var spec = api().get(user, "/upload/{id}/view-url", document.get("id").asText()).exchange();
        spec.expectStatus().isEqualTo(status);
        if (status == 200) {
            String url = spec.expectBody(JsonNode.class).returnResult().getResponseBody().get("url").asText();
            assertThat(getFromStore(url).body()).containsExactly(1, 2, 3, 4);
        }
    }

    private void expectDelete(Api.User user, JsonNode document, int status) {
        api().delete(user, "/upload/{id}", document.get("id").asText()).exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void anOnboardingDocumentIsSeenByItsUploaderAndTheAdminsOnly() {
        JsonNode document = upload(society.residentA1(), "ONBOARDING_DOCUMENT");
        expectView(society.residentA1(), document, 200);
        expectView(society.admin(), document, 200);
        expectView(api().platformAdmin(), document, 200);
        expectView(society.guard(), document, 403);
        expectView(society.residentA2(), document, 403);
        expectView(society.residentB(), document, 403);
        expectView(society.auditor(), document, 403);
        expectView(foreign.admin(), document, 404);
        expectView(foreign.residentA1(), document, 404);

        expectDelete(society.guard(), document, 403);
        expectDelete(society.residentA2(), document, 403);
        expectDelete(society.auditor(), document, 403);
        expectDelete(foreign.admin(), document, 404);
        expectView(society.residentA1(), document, 200);
        expectDelete(society.admin(), document, 204);
        expectView(society.residentA1(), document, 404);
        expectView(society.admin(), document, 404);
    }

    @Test
    void anEntryPhotoIsSeenByTheGuardsAndTheResidentsOfTheFlatItIsShownTo() {
        JsonNode photo = upload(society.guard(), "ENTRY_PHOTO");
        showToFlat(photo.get("s3Key").asText(), society.flatA());
        expectView(society.guard(), photo, 200);
        expectView(secondGuard, photo, 200);
        expectView(society.admin(), photo, 200);
        expectView(society.residentA1(), photo, 200);
        expectView(society.residentA2(), photo, 200);
        expectView(society.residentB(), photo, 403);
        expectView(society.auditor(), photo, 403);
        expectView(foreign.guard(), photo, 404);
        expectView(foreign.residentA1(), photo, 404);

        expectDelete(secondGuard, photo, 403);
        expectDelete(society.residentA1(), photo, 403);
        expectDelete(foreign.guard(), photo, 404);
        expectDelete(society.guard(), photo, 204);
        expectView(society.residentA1(), photo, 404);
    }

    @Test
    void anEntryPhotoShownToNoFlatIsNotSeenByResidents() {
        JsonNode photo = upload(society.admin(), "ENTRY_PHOTO");
        expectView(society.residentA1(), photo, 403);
        expectView(society.guard(), photo, 200);
        showToFlat(photo.get("s3Key").asText(), society.flatB());
        expectView(society.residentA1(), photo, 403);
        expectView(society.residentB(), photo, 200);
    }

    @Test
    void aStaffPhotoIsSeenByItsUploaderAndTheAdminsOnly() {
        JsonNode photo = upload(society.residentB(), "STAFF_PHOTO");
        expectView(society.residentB(), photo, 200);
        expectView(society.admin(), photo, 200);
        expectView(society.guard(), photo, 403);
        expectView(society.residentA1(), photo, 403);
        expectView(foreign.admin(), photo, 404);

        expectDelete(society.residentA1(), photo, 403);
        expectDelete(api().platformAdmin(), photo, 204);
        expectView(society.residentB(), photo, 404);
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        api().get(society.admin(), "/upload/{id}/view-url", unknown).exchange().expectStatus().isNotFound();
        api().delete(society.admin(), "/upload/{id}", unknown).exchange().expectStatus().isNotFound();
        // the id of something that is not a document
        api().delete(society.admin(), "/upload/{id}", society.id()).exchange().expectStatus().isNotFound();
        api().get(society.admin(), "/upload/{id}/view-url", "not-a-uuid").exchange().expectStatus().isBadRequest();
    }
}
