package com.gatehouse.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.gatehouse.server.entry.EntryRequestFlowTest.delivery;
import static com.gatehouse.server.entry.EntryRequestFlowTest.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The rider's photo: a confirmed ENTRY_PHOTO of the guard's society, shown to the flat and the gate only. */
class EntryPhotoTest extends IntegrationTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5};

    private static Api.Society society;
    private static Api.Society foreign;

    @BeforeEach
    void societies() {
        if (society == null) {
            society = api().newSociety();
            foreign = api().newSociety();
        }
    }

    private JsonNode photo(Api.User by, String purpose) {
        return api().upload(by, purpose, "rider.jpg", "image/jpeg", JPEG);
    }

    private Map<String, Object> withPhoto(String s3Key) {
        var body = delivery(society.flatA());
        body.put("photoKey", s3Key);
        return body;
    }

    @Test
    void theFlatLooksAtTheRidersPhotoAndNobodyElseDoes() {
        JsonNode document = photo(society.guard(), "ENTRY_PHOTO");
        String key = document.get("s3Key").asText();
        JsonNode raised = api().create(society.guard(), "/gate/requests", withPhoto(key));
        assertThat(raised.get("photoKey").asText()).isEqualTo(key);
        UUID requestId = id(raised);

        for (Api.User allowed : new Api.User[]{society.residentA1(), society.residentA2(), society.guard(), society.admin()}) {
            JsonNode link = api().read(allowed, "/gate/requests/{id}/photo", requestId);
            assertThat(link.get("expiresAt").asText()).isNotBlank();
            assertThat(Api.getFromStore(link.get("url").asText()).body()).containsExactly(JPEG);
        }
        // the upload context asks this one which flats the photo is shown to: the flat's residents may view it there too
        api().get(society.residentA1(), "/upload/{id}/view-url", document.get("id").asText()).exchange().expectStatus().isOk();
        api().get(society.residentB(), "/upload/{id}/view-url", document.get("id").asText()).exchange().expectStatus().isForbidden();
        api().get(society.residentB(), "/gate/requests/{id}/photo", requestId).exchange().expectStatus().isNotFound();
        api().get(foreign.guard(), "/gate/requests/{id}/photo", requestId).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAConfirmedEntryPhotoOfTheSocietyMayBeShown() {
        String staffPhoto = photo(society.admin(), "STAFF_PHOTO").get("s3Key").asText();
        String foreignPhoto = photo(foreign.guard(), "ENTRY_PHOTO").get("s3Key").asText();
        String unconfirmed = api().presign(society.guard(), "ENTRY_PHOTO", "later.jpg", "image/jpeg", JPEG.length)
                .get("s3Key").asText();
        long before = api().read(society.guard(), "/gate/requests").get("pagination").get("total").asLong();
        for (String key : new String[]{staffPhoto, foreignPhoto, unconfirmed, "societies/" + society.id() + "/ENTRY_PHOTO/none.jpg"}) {
            api().post(society.guard(), "/gate/requests", withPhoto(key)).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors.photoKey").exists();
        }
        assertThat(api().read(society.guard(), "/gate/requests").get("pagination").get("total").asLong()).isEqualTo(before);
    }

    @Test
    void aRequestWithoutAPhotoHasNoPhotoLink() {
        UUID requestId = id(api().create(society.guard(), "/gate/requests", delivery(society.flatA())));
        api().get(society.residentA1(), "/gate/requests/{id}/photo", requestId).exchange().expectStatus().isNotFound();
    }
}
