package com.gatehouse.command.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatehouse.api.directory.UserEvent.UserRegistered;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link UserRegistered} as stored before issue 16 carried the password's bcrypt hash; now it says only whether a
 * password was set. Every read of an old event (aggregates, projections, replays, the audit index) gets it without
 * the hash, so no hash leaves the store. On PostgreSQL migration V17_0 also rewrote the stored events (and moved
 * the hashes to the credentials table); this covers stores that cannot be rewritten (Axon Server) and events
 * parked as dead letters before the upgrade. (The type keeps no revision: shared-api depends on no serializer.)
 */
@Component
@Order(0)
public class PasswordHashUpcaster extends SingleEventUpcaster {

    static final String TYPE = UserRegistered.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(TYPE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(representation.getType(), JsonNode.class, PasswordHashUpcaster::dropHash);
    }

    static JsonNode dropHash(JsonNode payload) {
        if (!payload.has("passwordHash")) {
            return payload;
        }
        ObjectNode upcast = payload.deepCopy();
        JsonNode hash = upcast.remove("passwordHash");
        upcast.put("passwordSet", hash != null && !hash.isNull());
        return upcast;
    }
}
