package com.gatehouse.server.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatehouse.api.common.DataSubject;
import com.gatehouse.api.common.EventSociety;
import com.gatehouse.api.common.PersonalFields;
import com.gatehouse.api.common.SealedPayloads;
import com.gatehouse.command.privacy.SubjectKeys;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event serializer: Axon's Jackson serializer, plus the sealing of personal data. Each {@code @PersonalData}
 * component of an event record (and of the records in it) is stored as {@code {"$pd": "<keyId>.<sealed>"}}: its
 * JSON value sealed (AES-GCM) with the key of its subject ({@link SubjectKeys}), bound to its path. On read each
 * sealed value is opened again; once the subject is erased (key deleted) the component reads {@code null}.
 * Everything it needs is in the record type (the marks, read by {@link PersonalFields}): a new event with marked
 * components is sealed with no further wiring. Types with no marks pass through untouched, as do values whose
 * subject id is null and values stored before sealing existed (plain JSON).
 */
public class PersonalDataSerializer implements Serializer, SealedPayloads {

    static final String SEALED = "$pd";

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final SubjectKeys keys;
    private final boolean sealing;

    public PersonalDataSerializer(JacksonSerializer delegate, SubjectKeys keys) {
        this(delegate, keys, true);
    }

    private PersonalDataSerializer(JacksonSerializer delegate, SubjectKeys keys, boolean sealing) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.keys = keys;
        this.sealing = sealing;
    }

    /**
     * The same serializer storing personal fields in plain (still opening sealed ones): only for measuring what
     * sealing costs (the benchmark {@code sealing-cost} swaps it in); never in a server that keeps people's data.
     */
    public PersonalDataSerializer withoutSealing() {
        return new PersonalDataSerializer(delegate, keys, false);
    }

    /**
     * Moves whenever a sealed value may have stopped opening ({@link SubjectKeys#erasures()}); -1 in a transaction
     * that erases, where what others opened does not hold.
     */
    long erasures() {
        return keys.erasingInThisTransaction() ? -1 : keys.erasures();
    }

    /** Set while {@link #storedForm} runs: nothing is sealed then. */
    private static final ThreadLocal<Boolean> READING_STORED_FORM = ThreadLocal.withInitial(() -> false);

    /** Thrown (and caught) when a message that no longer carries its stored form is asked for it. */
    private static final class NoStoredForm extends RuntimeException {
        NoStoredForm() {
            super(null, null, false, false);
        }
    }

    /**
     * The event's payload as stored (sealed), or null when the message does not carry it any more; never seals (a
     * message without its stored form would otherwise be serialized again, sealing opened values anew). See
     * {@link OpenAtHandling}.
     */
    SerializedObject<?> storedForm(org.axonframework.eventhandling.EventMessage<?> message) {
        READING_STORED_FORM.set(true);
        try {
            return message.serializePayload(this, JsonNode.class);
        } catch (NoStoredForm e) {
            return null;
        } finally {
            READING_STORED_FORM.set(false);
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (READING_STORED_FORM.get()) {
            throw new NoStoredForm();
        }
        if (object == null || !sealing || PersonalFields.of(object.getClass()).isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        seal((Record) object, EventSociety.of(object, null), tree, "");
        try {
            var bytes = new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class,
                    delegate.typeForClass(object.getClass()));
            return delegate.getConverter().convert(bytes, expectedRepresentation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + object.getClass().getName(), e);
        }
    }

    private void seal(Record record, java.util.UUID society, ObjectNode tree, String prefix) {
        var plan = PersonalFields.of(record.getClass());
        for (var mark : plan.marks()) {
            JsonNode value = tree.get(mark.name());
            DataSubject subject = PersonalFields.subjectOf(record, mark);
            if (value == null || value.isNull() || subject == null) {
                continue;
            }
            try {
                String sealed = keys.seal(subject, society, json.writeValueAsBytes(value), prefix + mark.name());
                tree.set(mark.name(), json.createObjectNode().put(SEALED, sealed));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String name : plan.nested()) {
            Object nested = component(record, name);
            if (nested instanceof Record inner && tree.get(name) instanceof ObjectNode child) {
                seal(inner, society, child, prefix + name + ".");
            }
        }
    }

    private static Object component(Record record, String name) {
        try {
            var accessor = record.getClass().getMethod(name);
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        if (type == null || PersonalFields.of(classForType(type)).isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        if (serializedObject.getContentType() == JsonNode.class || serializedObject.getContentType() == ObjectNode.class) {
            tree = tree.deepCopy(); // never change an upcaster's (shared) tree
        }
        open(tree, "", null);
        return (T) delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
    }

    /**
     * Opens every sealed value in the tree (in place). Erased ones become null; their paths are added to
     * {@code erased} when given.
     */
    private void open(JsonNode node, String prefix, List<String> erased) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
        while (fields.hasNext()) {
            var field = fields.next();
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            String sealed = sealedValue(value);
            if (sealed != null) {
                Optional<byte[]> plain = keys.open(sealed, path);
                if (plain.isEmpty() && erased != null) {
                    erased.add(path);
                }
                replaced.add(Map.entry(field.getKey(), plain.map(this::read).orElse(json.nullNode())));
            } else if (value instanceof ObjectNode) {
                open(value, path + ".", erased);
            }
        }
        replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
    }

    private static String sealedValue(JsonNode value) {
        if (value instanceof ObjectNode object && object.size() == 1 && object.get(SEALED) != null
                && object.get(SEALED).isTextual()) {
            return object.get(SEALED).asText();
        }
        return null;
    }

    private JsonNode read(byte[] plain) {
        try {
            return json.readTree(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String open(String payloadJson) {
        if (payloadJson == null || !payloadJson.contains(SEALED)) {
            return payloadJson;
        }
        try {
            JsonNode tree = json.readTree(payloadJson);
            List<String> erased = new ArrayList<>();
            open(tree, "", erased);
            if (!erased.isEmpty() && tree instanceof ObjectNode object) {
                ArrayNode list = object.putArray(ERASED);
                erased.forEach(list::add);
            }
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
