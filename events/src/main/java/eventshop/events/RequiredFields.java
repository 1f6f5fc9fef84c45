package eventshop.events;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Checks that a payload carries every component of its record that is not {@link MayBeAbsent}, also
 * inside nested value records and lists of them. JSON-B would bind a missing field as null (or 0),
 * and a consumer would act on a half-filled record; a producer's bug must be dead-lettered instead.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    /** @throws MalformedMessageException naming the first missing field, with its path */
    static void check(String type, JsonObject payload, Class<?> record) {
        check(type, payload, record, "");
    }

    private static void check(String type, JsonObject json, Class<?> record, String path) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            if (!json.containsKey(name) || json.isNull(name)) {
                if (component.isAnnotationPresent(MayBeAbsent.class)) {
                    continue;
                }
                throw new MalformedMessageException(type + " payload lacks the field '" + path + name + "'");
            }
            checkNested(type, json.get(name), component.getGenericType(), path + name);
        }
    }

    // A value of the wrong JSON kind is not checked here: binding rejects it with its own reason.
    private static void checkNested(String type, JsonValue value, Type declared, String path) {
        if (declared instanceof Class<?> record && record.isRecord()
                && value.getValueType() == JsonValue.ValueType.OBJECT) {
            check(type, value.asJsonObject(), record, path + ".");
        } else if (declared instanceof ParameterizedType list && list.getRawType() == List.class
                && value.getValueType() == JsonValue.ValueType.ARRAY) {
            Type element = list.getActualTypeArguments()[0];
            List<JsonValue> items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                if (items.get(i).getValueType() == JsonValue.ValueType.NULL) {
                    // the records copy their lists with List.copyOf, which refuses null elements
                    throw new MalformedMessageException(type + " payload has a null at '" + itemPath + "'");
                }
                checkNested(type, items.get(i), element, itemPath);
            }
        }
    }
}
