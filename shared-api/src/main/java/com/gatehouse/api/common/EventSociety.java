package com.gatehouse.api.common;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.UUID;

/**
 * The society an event belongs to: the {@code societyId} of its payload when it has one (the directory's
 * society events are made by the platform operator), else the acting user's society from the metadata.
 */
public final class EventSociety {

    private EventSociety() {
    }

    public static UUID of(Object payload, Map<String, ?> metaData) {
        if (payload instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("societyId")) {
                    try {
                        Object value = component.getAccessor().invoke(record);
                        if (value != null) {
                            return UUID.fromString(value.toString());
                        }
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        Object fromMeta = metaData == null ? null : metaData.get(MetaDataKeys.SOCIETY_ID);
        return fromMeta == null ? null : UUID.fromString(fromMeta.toString());
    }
}
