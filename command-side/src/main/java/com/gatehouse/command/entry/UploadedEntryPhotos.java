package com.gatehouse.command.entry;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.upload.UploadPurpose;
import com.gatehouse.api.upload.UploadQuery.DocumentView;
import com.gatehouse.api.upload.UploadQuery.FindDocumentByKey;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** {@link EntryPhotos} by asking the upload context which document is stored under the key. */
@Component
public class UploadedEntryPhotos implements EntryPhotos {

    private final QueryGateway queries;

    public UploadedEntryPhotos(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean isConfirmedEntryPhoto(SocietyId society, String s3Key) {
        return queries.query(new FindDocumentByKey(s3Key), ResponseTypes.optionalInstanceOf(DocumentView.class))
                .join()
                .filter(document -> document.purpose() == UploadPurpose.ENTRY_PHOTO)
                .filter(document -> society.value().equals(document.societyId()))
                .isPresent();
    }
}
