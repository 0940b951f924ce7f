package com.gatehouse.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.gatehouse.api.directory.Blocks;
import com.gatehouse.server.support.Api;
import com.gatehouse.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents join by themselves: sign-up by one-time code, onboarding with documents, the admin's review, and
 * the rules around it (one owner per flat, resubmission, another society's ids).
 */
class OnboardingTest extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4 proof".getBytes();

    /** Uploads a document as the applicant for the society they apply to; answers its id. */
    String document(Api.User applicant, UUID society, String name) {
        JsonNode presigned = api().post(applicant, "/upload/presigned-url", Map.of("purpose", "ONBOARDING_DOCUMENT",
                        "fileName", name, "mimeType", "application/pdf", "fileSize", PDF.length, "societyId", society))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(Api.putToStore(presigned.get("uploadUrl").asText(), "application/pdf", PDF)).isEqualTo(200);
        return api().create(applicant, "/upload/confirm", Map.of("s3Key", presigned.get("s3Key").asText()))
                .get("id").asText();
    }

    Map<String, Object> application(Api.User applicant, UUID society, String block, UUID flat, String type) {
        String proof = type.equals("OWNER") ? "OWNERSHIP_PROOF" : "TENANT_AGREEMENT";
        return Map.of("societyId", society, "blockId", Blocks.idOf(society, block), "flatId", flat,
                "residentType", type, "documents", List.of(
                        Map.of("documentId", document(applicant, society, "proof.pdf"), "documentType", proof),
                        Map.of("documentId", document(applicant, society, "aadhar.pdf"), "documentType", "AADHAR_CARD")));
    }

    @Test
    void meeraSignsUpByCodeAppliesIsApprovedAndSignsInAsAResident() {
        var s = api().newSociety();
        String phone = Api.uniquePhone();
        JsonNode sent = PhoneSignIn.sendCode(api(), phone);
        assertThat(sent.get("phone").asText()).isEqualTo("+91" + phone);

        Api.User meera = PhoneSignIn.signIn(api(), phone, "Meera Iyer");
        assertThat(meera.role()).isEqualTo("APPLICANT");
        assertThat(api().read(meera, "/resident/onboarding/status").get("status").asText()).isEqualTo("NOT_STARTED");
        // an applicant sees nothing of any society beyond the onboarding listings
        api().get(meera, "/gate/requests").exchange().expectStatus().isForbidden();

        // she finds the society, its block A and the flat A-101
        String name = api().read(s.admin(), "/admin/societies/{id}", s.id()).get("name").asText();
        JsonNode societies = api().read(meera, "/resident/onboarding/societies?search={q}", name.substring(8, 30));
        assertThat(societies.get("societies")).extracting(n -> n.get("id").asText()).containsExactly(s.id().toString());
        JsonNode blocks = api().read(meera, "/resident/onboarding/societies/{id}/blocks", s.id()).get("blocks");
        assertThat(blocks).extracting(b -> b.get("name").asText()).containsExactly("A", "B");
        String blockA = blocks.get(0).get("id").asText();
        JsonNode flats = api().read(meera, "/resident/onboarding/societies/{id}/blocks/{b}/flats", s.id(), blockA)
                .get("flats");
        assertThat(flats).hasSize(1);
        assertThat(flats.get(0).get("occupied").asBoolean()).isTrue();

        JsonNode request = api().create(meera, "/resident/onboarding/request",
                application(meera, s.id(), "A", s.flatA(), "TENANT"));
        assertThat(request.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        String id = request.get("id").asText();
        assertThat(api().read(meera, "/resident/onboarding/status").get("status").asText()).isEqualTo("PENDING_APPROVAL");
        // one active request per user
        api().post(meera, "/resident/onboarding/request", application(meera, s.id(), "B", s.flatB(), "TENANT"))
                .exchange().expectStatus().isEqualTo(409);

        // the admin reviews: the queue, the documents (viewable), the history
        JsonNode queue = api().read(s.admin(), "/resident/onboarding/admin/pending").get("onboardingRequests");
        assertThat(queue).extracting(r -> r.get("id").asText()).containsExactly(id);
        JsonNode detail = api().read(s.admin(), "/resident/onboarding/admin/{id}", id);
        assertThat(detail.get("documents")).hasSize(2);
        String viewUrl = detail.get("documents").get(0).get("viewUrl").asText();
        assertThat(Api.getFromStore(viewUrl).body()).isEqualTo(PDF);
        assertThat(detail.get("history")).extracting(h -> h.get("action").asText()).containsExactly("SUBMITTED_FOR_REVIEW");

        JsonNode approved = api().patch(s.admin(), "/resident/onboarding/admin/{id}/approve", Map.of("notes", "Welcome"), id)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        api().patch(s.admin(), "/resident/onboarding/admin/{id}/approve", Map.of(), id).exchange()
                .expectStatus().isEqualTo(409);

        // she signs in at once as a resident of A-101 and can act for her flat
        Api.User resident = PhoneSignIn.signIn(api(), "0" + phone, null);
        assertThat(resident.role()).isEqualTo("RESIDENT");
        assertThat(resident.flatId()).isEqualTo(s.flatA());
        assertThat(resident.id()).isEqualTo(meera.id());
        api().get(resident, "/gate/requests").exchange().expectStatus().isOk();
        assertThat(api().notifications(resident, "ONBOARDING_STATUS")).extracting(n -> n.get("data").get("status").asText())
                .contains("PENDING_APPROVAL", "APPROVED");
    }

    @Test
    void anApplicantSendsADocumentAgainWhenTheReviewAsks() {
        var s = api().newSociety();
        Api.User ravi = PhoneSignIn.signIn(api(), Api.uniquePhone(), "Ravi");
        String id = api().create(ravi, "/resident/onboarding/request", application(ravi, s.id(), "B", s.flatB(), "TENANT"))
                .get("id").asText();
        JsonNode asked = api().patch(s.admin(), "/resident/onboarding/admin/{id}/request-resubmit",
                        Map.of("reason", "The Aadhaar scan is unreadable", "documentsToResubmit", List.of("AADHAR_CARD")), id)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(asked.get("status").asText()).isEqualTo("RESUBMIT_REQUESTED");
        // not reviewable while waiting for the documents
        api().patch(s.admin(), "/resident/onboarding/admin/{id}/approve", Map.of(), id).exchange()
                .expectStatus().isEqualTo(409);
        JsonNode status = api().read(ravi, "/resident/onboarding/status");
        assertThat(status.get("canResubmit").asBoolean()).isTrue();
        // the type asked for must come again
        api().post(ravi, "/resident/onboarding/request/{id}/resubmit", Map.of("documents", List.of(Map.of(
                        "documentId", document(ravi, s.id(), "pan.pdf"), "documentType", "PAN_CARD"))), id)
                .exchange().expectStatus().isBadRequest();
        JsonNode again = api().post(ravi, "/resident/onboarding/request/{id}/resubmit", Map.of("documents", List.of(Map.of(
                        "documentId", document(ravi, s.id(), "aadhar-2.pdf"), "documentType", "AADHAR_CARD"))), id)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(again.get("resubmissionCount").asInt()).isEqualTo(1);
        JsonNode detail = api().read(s.admin(), "/resident/onboarding/admin/{id}", id);
        assertThat(detail.get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("SUBMITTED_FOR_REVIEW", "RESUBMIT_REQUESTED", "DOCUMENTS_RESUBMITTED");
        assertThat(api().notifications(s.admin(), "ONBOARDING_STATUS")).isNotEmpty();
    }

    @Test
    void aFlatHasOneOwnerAndARejectedOwnerFreesIt() {
        var s = api().newSociety();
        Api.User first = PhoneSignIn.signIn(api(), Api.uniquePhone(), "First Owner");
        Api.User second = PhoneSignIn.signIn(api(), Api.uniquePhone(), "Second Owner");
        String id = api().create(first, "/resident/onboarding/request", application(first, s.id(), "B", s.flatB(), "OWNER"))
                .get("id").asText();
        var secondApplication = application(second, s.id(), "B", s.flatB(), "OWNER");
        api().post(second, "/resident/onboarding/request", secondApplication).exchange().expectStatus().isEqualTo(409);
        // a tenant may still apply for the flat
        api().patch(s.admin(), "/resident/onboarding/admin/{id}/reject", Map.of("reason", "Not the owner"), id)
                .exchange().expectStatus().isOk();
        assertThat(api().read(first, "/resident/onboarding/status").get("canReapply").asBoolean()).isTrue();
        api().create(second, "/resident/onboarding/request", secondApplication);
    }

    @Test
    void anotherSocietysIdsAreRefused() {
        var s = api().newSociety();
        var other = api().newSociety();
        Api.User asha = PhoneSignIn.signIn(api(), Api.uniquePhone(), "Asha");
        // a flat of another society, or of another block, is not found
        var wrongBlock = new java.util.HashMap<>(application(asha, s.id(), "A", s.flatA(), "TENANT"));
        wrongBlock.put("blockId", Blocks.idOf(s.id(), "B"));
        api().post(asha, "/resident/onboarding/request", wrongBlock).exchange().expectStatus().isNotFound();
        var otherFlat = new java.util.HashMap<>(application(asha, s.id(), "A", s.flatA(), "TENANT"));
        otherFlat.put("flatId", other.flatA());
        api().post(asha, "/resident/onboarding/request", otherFlat).exchange().expectStatus().isNotFound();
        // documents uploaded for another society do not count
        var foreignDocuments = new java.util.HashMap<>(application(asha, other.id(), "A", other.flatA(), "TENANT"));
        foreignDocuments.put("societyId", s.id());
        foreignDocuments.put("blockId", Blocks.idOf(s.id(), "A"));
        foreignDocuments.put("flatId", s.flatA());
        api().post(asha, "/resident/onboarding/request", foreignDocuments).exchange().expectStatus().isBadRequest();

        String id = api().create(asha, "/resident/onboarding/request", application(asha, s.id(), "A", s.flatA(), "TENANT"))
                .get("id").asText();
        api().get(other.admin(), "/resident/onboarding/admin/{id}", id).exchange().expectStatus().isNotFound();
        api().patch(other.admin(), "/resident/onboarding/admin/{id}/approve", Map.of(), id).exchange()
                .expectStatus().isNotFound();
        assertThat(api().read(other.admin(), "/resident/onboarding/admin/pending").get("onboardingRequests")).isEmpty();
    }
}
