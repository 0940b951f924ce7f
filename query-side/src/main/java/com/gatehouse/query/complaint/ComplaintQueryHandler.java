package com.gatehouse.query.complaint;

import com.gatehouse.api.complaint.ComplaintQuery.FindComplaint;
import com.gatehouse.api.complaint.ComplaintView;
import com.gatehouse.projection.complaint.ComplaintReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the complaint context's queries from its read model. */
@Component
public class ComplaintQueryHandler {

    private final ComplaintReadModel readModel;

    public ComplaintQueryHandler(ComplaintReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<ComplaintView> handle(FindComplaint query) {
        return readModel.complaint(query.complaintId());
    }
}
