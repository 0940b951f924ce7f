package com.gatehouse.query.gatepass;

import com.gatehouse.api.gatepass.GatePassQuery.FindGatePass;
import com.gatehouse.api.gatepass.GatePassView;
import com.gatehouse.projection.gatepass.GatePassReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the gate-pass context's queries from its read model. */
@Component
public class GatePassQueryHandler {

    private final GatePassReadModel readModel;

    public GatePassQueryHandler(GatePassReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<GatePassView> handle(FindGatePass query) {
        return readModel.find(query.gatePassId());
    }
}
