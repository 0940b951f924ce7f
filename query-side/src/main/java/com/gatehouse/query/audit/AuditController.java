package com.gatehouse.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gatehouse.api.audit.AuditEvent;
import com.gatehouse.api.common.Allowed;
import com.gatehouse.api.common.Caller;
import com.gatehouse.api.common.Role;
import com.gatehouse.query.common.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail: {@code GET /api/v1/admin/audit/events} streams the history as NDJSON (one event a
 * line, global order); RSocket {@code audit.events} sends the same and then continues live.
 */
@Controller
@Tag(name = "Audit")
public class AuditController {

    public static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

    private final AuditHistory history;
    private final ObjectMapper json;

    public AuditController(AuditHistory history, ObjectMapper json) {
        this.history = history;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/admin/audit/events", produces = "application/x-ndjson")
    @ResponseBody
    @Allowed({Role.AUDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    @Operation(summary = "Every event of the caller's society, in order, as NDJSON",
            description = "Each line: {globalIndex, aggregateType, aggregateId, sequenceNumber, eventType, timestamp, "
                    + "actorId, societyId, payload}. Filters: from/to (ISO-8601 instants, or dates: whole UTC days), aggregateType "
                    + "(e.g. EntryRequest), aggregateId. A platform auditor (no society) and SUPER_ADMIN see every society.")
    public Flux<DataBuffer> events(Caller caller,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String aggregateType,
                                   @RequestParam(required = false) String aggregateId,
                                   ServerHttpResponse response) {
        var range = TimeRange.of(from, to);
        var filter = AuditHistory.filterFor(caller, range.from(), range.to(), aggregateType, aggregateId);
        DataBufferFactory buffers = response.bufferFactory();
        return history.pages(filter, 0).map(page -> lines(page, buffers));
    }

    /** Request: optional {from, to, aggregateType, aggregateId, after}; history first, then live. */
    public record AuditSubscription(Instant from, Instant to, String aggregateType, String aggregateId, Long after) {
    }

    @MessageMapping("audit.events")
    @Allowed({Role.AUDITOR, Role.ADMIN, Role.SUPER_ADMIN})
    public Flux<AuditEvent> follow(Caller caller, @Payload(required = false) AuditSubscription request) {
        var r = request == null ? new AuditSubscription(null, null, null, null, null) : request;
        var filter = AuditHistory.filterFor(caller, r.from(), r.to(), r.aggregateType(), r.aggregateId());
        return history.follow(filter, r.after() == null ? 0 : r.after());
    }

    /** One page as one buffer of NDJSON lines: far cheaper than encoding event by event. */
    private DataBuffer lines(List<AuditEvent> page, DataBufferFactory buffers) {
        var out = new ByteArrayOutputStream(page.size() * 512);
        try {
            for (AuditEvent event : page) {
                json.writeValue(out, event);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffers.wrap(out.toByteArray());
    }
}
