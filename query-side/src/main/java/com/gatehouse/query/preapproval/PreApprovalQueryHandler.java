package com.gatehouse.query.preapproval;

import com.gatehouse.api.preapproval.PreApprovalQuery.FindPreApproval;
import com.gatehouse.api.preapproval.PreApprovalViews.PreApprovalView;
import com.gatehouse.projection.preapproval.PreApprovalReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the pre-approval context's queries from its read model. */
@Component
public class PreApprovalQueryHandler {

    private final PreApprovalReadModel readModel;

    public PreApprovalQueryHandler(PreApprovalReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<PreApprovalView> handle(FindPreApproval query) {
        return readModel.find(query.preApprovalId());
    }
}
