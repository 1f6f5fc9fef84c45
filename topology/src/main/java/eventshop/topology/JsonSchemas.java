package eventshop.topology;

import eventshop.events.MayBeAbsent;
import eventshop.events.Since;
import eventshop.events.Until;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of a contract's payload at one version, read from its record as JSON-B writes it: every
 * component a property, required unless {@link MayBeAbsent} (only for its upcasts: still required), present from the version {@link Since} says and up
 * to the version {@link Until} says. Unknown properties stay allowed (a newer producer may add some, and
 * consumers ignore them), except a component a later version removed: from then on its presence is invalid
 * (a card number that version 3 of OrderPlaced removed must not come back).
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static Map<String, Object> of(Class<?> record, int version) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Since since = component.getAnnotation(Since.class);
            if (since != null && since.value() > version) {
                continue;
            }
            Until until = component.getAnnotation(Until.class);
            if (until != null && until.value() < version) {
                removed.add(component.getName());
                continue;
            }
            properties.put(component.getName(), schemaOf(component.getGenericType(), version));
            MayBeAbsent optional = component.getAnnotation(MayBeAbsent.class);
            if (optional == null || optional.onlyWhenUpcast()) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (!removed.isEmpty()) {
            schema.put("not", Ordered.map("anyOf",
                    removed.stream().map(name -> Ordered.map("required", List.of(name))).toList()));
        }
        return schema;
    }

    private static Map<String, Object> schemaOf(Type type, int version) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return Ordered.map("type", "array", "items", schemaOf(list.getActualTypeArguments()[0], version));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return Ordered.map("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return Ordered.map("type", "integer");
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            return Ordered.map("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Ordered.map("type", "boolean");
        }
        if (raw.isRecord()) {
            return of(raw, version);
        }
        throw new IllegalArgumentException("no JSON Schema for " + type + ": add it to JsonSchemas");
    }
}
