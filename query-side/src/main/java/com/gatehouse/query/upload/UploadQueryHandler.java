package com.gatehouse.query.upload;

import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocument;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import com.gatehouse.api.upload.UploadQuery.FindDocumentsConfirmedBefore;
import com.gatehouse.api.upload.UploadQuery.FindUnconfirmedUploads;
import com.gatehouse.projection.upload.UploadReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers the upload queries from the uploads read model. */
@Component
public class UploadQueryHandler {

    private final UploadReadModel readModel;

    public UploadQueryHandler(UploadReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<DocumentView> handle(FindDocument query) {
        return readModel.document(query.documentId());
    }

    @QueryHandler
    public Optional<DocumentView> handle(FindDocumentByKey query) {
        return readModel.documentByKey(query.s3Key());
    }

    @QueryHandler
    public List<DocumentView> handle(FindDocumentsConfirmedBefore query) {
        return readModel.confirmedBefore(query.purpose(), query.societyId(), query.exceptSocieties(), query.confirmedBefore(),
                query.afterCreatedAt(), query.afterId(), query.limit());
    }

    @QueryHandler
    public List<UUID> handle(FindUnconfirmedUploads query) {
        return readModel.unconfirmed(query.issuedBefore(), query.limit());
    }
}
