package com.gatehouse.api.common;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link PersonalData} marks of a record type, checked and cached: which components are personal, whose they
 * are (kind and the component holding the id), and which components are records with marks of their own. The
 * event serializer and the tests read the marks here, so there is one reading of the annotation.
 */
public final class PersonalFields {

    private PersonalFields() {
    }

    /**
     * One marked component: {@code kind} is null when {@code idFrom} names {@link DataSubject} components;
     * {@code idFrom} lists the components that may hold the subject's id, the first non-null one holds it.
     */
    public record Mark(String name, DataSubject.Kind kind, List<String> idFrom) {
    }

    /** The marks of one record type and its components that are records with marks. */
    public record Plan(Class<?> type, List<Mark> marks, List<String> nested) {

        public boolean isEmpty() {
            return marks.isEmpty() && nested.isEmpty();
        }
    }

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return plan(type);
        }
    };

    /** The plan of a type: empty for a type that is not a record or has nothing personal. */
    public static Plan of(Class<?> type) {
        return PLANS.get(type);
    }

    private static Plan plan(Class<?> type) {
        if (!type.isRecord()) {
            return new Plan(type, List.of(), List.of());
        }
        RecordComponent[] components = type.getRecordComponents();
        List<Mark> marks = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        for (RecordComponent component : components) {
            PersonalData mark = component.getAnnotation(PersonalData.class);
            if (mark != null) {
                marks.add(mark(type, component, mark, components));
            } else if (component.getType().isRecord() && component.getType() != type
                    && !of(component.getType()).isEmpty()) {
                nested.add(component.getName());
            }
        }
        return new Plan(type, List.copyOf(marks), List.copyOf(nested));
    }

    private static Mark mark(Class<?> type, RecordComponent component, PersonalData mark, RecordComponent[] all) {
        String where = type.getName() + "." + component.getName();
        if (mark.idFrom().length == 0) {
            throw new IllegalStateException(where + ": @PersonalData needs idFrom");
        }
        List<RecordComponent> ids = new ArrayList<>();
        for (String name : mark.idFrom()) {
            RecordComponent id = Arrays.stream(all).filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(where + ": @PersonalData idFrom names no component '"
                            + name + "'"));
            if (id == component) {
                throw new IllegalStateException(where + ": a personal component cannot be its own subject id");
            }
            if (id.isAnnotationPresent(PersonalData.class)) {
                throw new IllegalStateException(where + ": the subject id '" + id.getName() + "' must not be personal");
            }
            ids.add(id);
        }
        List<String> names = ids.stream().map(RecordComponent::getName).toList();
        long subjects = ids.stream().filter(id -> id.getType() == DataSubject.class).count();
        if (subjects > 0) {
            if (subjects != ids.size()) {
                throw new IllegalStateException(where + ": idFrom mixes DataSubject and other ids");
            }
            if (mark.subject().length != 0) {
                throw new IllegalStateException(where + ": idFrom names a DataSubject, which carries its kind: "
                        + "leave 'subject' out");
            }
            return new Mark(component.getName(), null, names);
        }
        if (mark.subject().length != 1) {
            throw new IllegalStateException(where + ": @PersonalData needs exactly one subject kind");
        }
        for (RecordComponent id : ids) {
            Class<?> idType = id.getType();
            if (idType != UUID.class && idType != String.class && uuidValue(idType).isEmpty()) {
                throw new IllegalStateException(where + ": the subject id '" + id.getName() + "' must be a UUID, a "
                        + "typed id (a record of one UUID) or a DataSubject, not " + idType.getName());
            }
        }
        return new Mark(component.getName(), mark.subject()[0], names);
    }

    /** The UUID component of a typed id (a record of exactly one UUID component). */
    private static Optional<RecordComponent> uuidValue(Class<?> type) {
        if (!type.isRecord() || type.getRecordComponents().length != 1
                || type.getRecordComponents()[0].getType() != UUID.class) {
            return Optional.empty();
        }
        return Optional.of(type.getRecordComponents()[0]);
    }

    /** The subject a marked component of {@code record} belongs to, or null when its id components are null. */
    public static DataSubject subjectOf(Record record, Mark mark) {
        Object id = null;
        for (String name : mark.idFrom()) {
            id = value(record, name);
            if (id != null) {
                break;
            }
        }
        if (id == null) {
            return null;
        }
        if (id instanceof DataSubject subject) {
            return subject;
        }
        UUID uuid = id instanceof UUID u ? u
                : id instanceof String s ? UUID.fromString(s)
                : (UUID) value((Record) id, id.getClass().getRecordComponents()[0].getName());
        return new DataSubject(mark.kind(), uuid);
    }

    /** Every subject whose data {@code record} (and the records in it) carries. */
    public static List<DataSubject> subjectsOf(Object record) {
        List<DataSubject> subjects = new ArrayList<>();
        collect(record, subjects);
        return subjects;
    }

    private static void collect(Object value, List<DataSubject> into) {
        if (!(value instanceof Record record)) {
            return;
        }
        Plan plan = of(record.getClass());
        for (Mark mark : plan.marks()) {
            DataSubject subject = subjectOf(record, mark);
            if (subject != null && value(record, mark.name()) != null && !into.contains(subject)) {
                into.add(subject);
            }
        }
        for (String name : plan.nested()) {
            collect(value(record, name), into);
        }
    }

    private static Object value(Record record, String component) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(component)) {
                try {
                    c.getAccessor().setAccessible(true);
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + record.getClass().getName() + "." + component, e);
                }
            }
        }
        throw new IllegalArgumentException(record.getClass().getName() + " has no component " + component);
    }
}
