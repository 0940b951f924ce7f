package com.gatehouse.projection.common;

import com.gatehouse.api.common.AppliedVersions;
import com.gatehouse.api.common.ClusterSignals;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read-your-writes, the projection half: every event handler of a processing group (a class with
 * {@link ProcessingGroup}) that applies an aggregate's event successfully records "group G applied aggregate A
 * up to sequence number N"; at the commit of the batch one {@link AppliedVersions} signal per group tells every
 * instance ({@link ClusterSignals}: published in the processor's unit of work, it goes out just after the commit,
 * and never if it rolls back). Projections need do nothing for it. Nothing is sent for replays (rebuilds), and an
 * aggregate whose event failed in this batch is reported only up to the event before the failure (the failing
 * one is parked in the dead-letter queue, and with it the aggregate's later events).
 */
@Component
public class ReadModelProgress implements HandlerEnhancerDefinition {

    private static final String RESOURCE = ReadModelProgress.class.getName();

    private final ClusterSignals signals;

    public ReadModelProgress(ClusterSignals signals) {
        this.signals = signals;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || original.hasAnnotation(EventSourcingHandler.class)) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            return original;
        }
        String name = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!(message instanceof DomainEventMessage<?> event) || ReplayToken.isReplay(message)
                        || !CurrentUnitOfWork.isStarted()) {
                    return super.handle(message, target);
                }
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    long[] versions = versions(name, event.getAggregateIdentifier());
                    versions[1] = Math.min(versions[1], event.getSequenceNumber());
                    throw e;
                }
                long[] versions = versions(name, event.getAggregateIdentifier());
                versions[0] = Math.max(versions[0], event.getSequenceNumber());
                return result;
            }
        };
    }

    /** This batch's versions of one aggregate in one group: {highest applied, lowest failed}. */
    private long[] versions(String group, String aggregateId) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Map<String, long[]>> groups = root.getOrComputeResource(RESOURCE, key -> {
            root.onPrepareCommit(unitOfWork -> publish(unitOfWork.getResource(RESOURCE)));
            return new HashMap<>();
        });
        return groups.computeIfAbsent(group, g -> new HashMap<>())
                .computeIfAbsent(aggregateId, id -> new long[]{-1, Long.MAX_VALUE});
    }

    private void publish(Map<String, Map<String, long[]>> groups) {
        groups.forEach((group, versions) -> {
            Map<String, Long> applied = new LinkedHashMap<>();
            versions.forEach((aggregate, v) -> {
                long upTo = Math.min(v[0], v[1] - 1);
                if (upTo >= 0) {
                    applied.put(aggregate, upTo);
                }
            });
            for (String payload : AppliedVersions.encode(group, applied)) {
                signals.publish(AppliedVersions.TOPIC, payload);
            }
        });
    }
}
