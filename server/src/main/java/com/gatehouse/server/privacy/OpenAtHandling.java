package com.gatehouse.server.privacy;

import com.gatehouse.api.common.PersonalFields;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens an event's sealed personal fields when a processing group's handler takes it, from the event as stored,
 * rather than reusing a payload opened earlier. The embedded event store shares one in-memory copy of each recent
 * event between every group and segment of an instance, and a payload once opened stays opened in it: without this,
 * the first group to handle a person's event (while their key existed) would open it for a group that handles it
 * after the person's erasure, which would then keep a plain copy (the erasure it already applied cannot null a row
 * written after it). Opened here, an event handled after the erasure committed reads {@code null}.
 * <p>
 * Only events whose type has {@code @PersonalData} components and that still carry their stored form are re-opened;
 * the new message keeps the stored form too (what keeps payloads as stored, the audit index, still gets them
 * sealed), and its token, aggregate, sequence number and time. Obtaining the stored form never seals anything
 * again: were the stored form missing, the serializer would be asked to seal an opened payload (with a new key for
 * an erased person), so it refuses while this runs ({@link PersonalDataSerializer#storedForm}) and the event is
 * handled as it came.
 * <p>
 * An event's payload opened here is kept (the last {@value #KEPT} events) and handed to the other groups that handle
 * the same event, as long as no erasure began or committed since it was opened ({@link PersonalDataSerializer#erasures}):
 * opened again it would read the same. Any erasure drops them all. Opening (parsing and decrypting) was paid once
 * per group: a twelfth of the CPU of a raise.
 */
public class OpenAtHandling implements MessageHandlerInterceptor<EventMessage<?>> {

    static final int KEPT = 4_096;

    private final PersonalDataSerializer serializer;
    /** Payloads opened lately, by event id, opened at {@link #erasuresSeen}. */
    private final Map<String, Object> opened = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > KEPT;
        }
    };
    private long erasuresSeen;

    public OpenAtHandling(PersonalDataSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> message = unitOfWork.getMessage();
        if (message instanceof TrackedEventMessage<?> tracked
                && !PersonalFields.of(message.getPayloadType()).isEmpty()) {
            SerializedObject<?> stored = serializer.storedForm(message);
            if (stored != null) {
                unitOfWork.transformMessage(event -> reopened(tracked, stored));
            }
        }
        return chain.proceed();
    }

    private EventMessage<?> reopened(TrackedEventMessage<?> message, SerializedObject<?> stored) {
        var payload = new LazyDeserializingObject<Object>(stored, serializer) {
            private volatile Object shared;

            @Override
            public Object getObject() {
                Object payload = shared;
                if (payload == null) {
                    shared = payload = openedOnce(message.getIdentifier(), super::getObject);
                }
                return payload;
            }
        };
        var delegate = new SerializedMessage<>(message.getIdentifier(), payload,
                new LazyDeserializingObject<MetaData>(message.getMetaData()));
        if (message instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(message.trackingToken(), domain.getType(),
                    domain.getAggregateIdentifier(), domain.getSequenceNumber(), delegate, message::getTimestamp);
        }
        return new GenericTrackedEventMessage<>(message.trackingToken(), delegate, message::getTimestamp);
    }

    /**
     * The event's payload as another group opened it, if no erasure committed since; else opened now and kept. Not
     * in a transaction that erases: what it opens holds only for itself.
     */
    private Object openedOnce(String eventId, Supplier<Object> open) {
        long erasures = serializer.erasures(); // read before opening: an erasure during the opening is seen next time
        if (erasures < 0) {
            return open.get();
        }
        synchronized (opened) {
            if (erasures > erasuresSeen) {
                opened.clear();
                erasuresSeen = erasures;
            }
            Object kept = erasures == erasuresSeen ? opened.get(eventId) : null;
            if (kept != null) {
                return kept;
            }
        }
        Object payload = open.get();
        synchronized (opened) {
            if (erasures == erasuresSeen) {
                opened.put(eventId, payload);
            }
        }
        return payload;
    }
}
