package eventshop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request bodies read exactly as written: the one place where JSON becomes the API's request classes, for
 * every endpoint. JSON-B (Yasson) is lenient where the API must not be: it turns a number into a string
 * field, truncates 1.5 into an int, wraps an overflowed number around. Here the body is parsed as JSON-P and
 * each public field of the target class gets only a value of its own JSON type:
 * <ul>
 *   <li>String: a JSON string without control characters (NUL, escape sequences for the terminal...) or
 *       broken surrogate pairs;</li>
 *   <li>Integer, Long: a whole number within the type's range ("too large", not an overflow);</li>
 *   <li>BigDecimal: any JSON number; Boolean: true or false;</li>
 *   <li>List: an array, each element read by these rules; another class: an object, read by these rules.</li>
 * </ul>
 * null and a missing field both leave the field null (Bean Validation then says whether it is required); a
 * field the class does not have is ignored, as a tolerant reader does; a key given twice is refused. Every
 * mismatch is reported with its path (e.g. {@code items[0].quantity}) and the expected type, in one answer.
 */
public final class StrictJson {

    /** A key given twice is ambiguous (which one did the client mean?): refused by the parser. */
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private StrictJson() {
    }

    /**
     * @return the body as an instance of {@code type}, or null for an empty body
     * @throws UnreadableBody naming every field that is not what the type expects
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            return bind(reader, type);
        }
    }

    /**
     * The same, from the request's stream (as the JAX-RS reader gets it); JSON is UTF-8 (RFC 8259). The stream
     * is bounded by {@link BodyLimit}, which throws {@link BodyTooLarge} past the limit.
     */
    public static <T> T read(InputStream body, Class<T> type) throws IOException {
        return read(new String(body.readAllBytes(), StandardCharsets.UTF_8), type);
    }

    private static <T> T bind(JsonReader reader, Class<T> type) {
        JsonValue value;
        try {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new UnreadableBody(List.of(new Problem.FieldError("body", "is not valid JSON: " + e.getMessage())));
        }
        StrictJson binder = new StrictJson();
        Object bound = binder.value(value, type, "");
        if (!binder.errors.isEmpty()) {
            throw new UnreadableBody(binder.errors);
        }
        return type.cast(bound);
    }

    /** @param name the value's path in the body, e.g. items[0].quantity; "" for the body itself */
    private Object value(JsonValue json, Type type, String name) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return json instanceof JsonString string ? text(string.getString(), name) : wrong(name, "a string", json);
        }
        if (raw == Integer.class || raw == int.class) {
            BigDecimal number = wholeNumber(json, name, INT_MIN, INT_MAX);
            return number == null ? null : number.intValueExact();
        }
        if (raw == Long.class || raw == long.class) {
            BigDecimal number = wholeNumber(json, name, LONG_MIN, LONG_MAX);
            return number == null ? null : number.longValueExact();
        }
        if (raw == BigDecimal.class) {
            return json instanceof JsonNumber number ? number.bigDecimalValue() : wrong(name, "a number", json);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (json.getValueType() == JsonValue.ValueType.TRUE || json.getValueType() == JsonValue.ValueType.FALSE) {
                return json.getValueType() == JsonValue.ValueType.TRUE;
            }
            return wrong(name, "true or false", json);
        }
        if (raw == List.class) {
            if (!(json instanceof JsonArray array)) {
                return wrong(name, "an array", json);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(value(array.get(i), element, name + "[" + i + "]"));
            }
            return list;
        }
        if (raw.getName().startsWith("eventshop.")) {
            return json instanceof JsonObject object ? object(object, raw, name) : wrong(name, "an object", json);
        }
        throw new IllegalStateException("StrictJson cannot read " + type + " (" + name + "): add the type here");
    }

    private Object object(JsonObject json, Class<?> type, String path) {
        Object instance = newInstance(type);
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !json.containsKey(field.getName())) {
                continue;
            }
            String name = path.isEmpty() ? field.getName() : path + "." + field.getName();
            Object value = value(json.get(field.getName()), field.getGenericType(), name);
            try {
                field.set(instance, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                // A primitive left at its default when the JSON says null; a public field is always accessible.
                if (value != null) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return instance;
    }

    private BigDecimal wholeNumber(JsonValue json, String name, BigDecimal min, BigDecimal max) {
        if (!(json instanceof JsonNumber number)) {
            wrong(name, "a whole number", json);
            return null;
        }
        BigDecimal value = number.bigDecimalValue();
        // Range first: comparing is cheap even for 1e999999999, converting it would not be.
        if (value.compareTo(max) > 0) {
            errors.add(new Problem.FieldError(name, "is too large: must be a whole number at most " + max));
            return null;
        }
        if (value.compareTo(min) < 0) {
            errors.add(new Problem.FieldError(name, "is too small: must be a whole number at least " + min));
            return null;
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            errors.add(new Problem.FieldError(name, "must be a whole number, not " + number));
            return null;
        }
        return value.setScale(0);
    }

    private String text(String value, String name) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                errors.add(new Problem.FieldError(name, "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + " at position " + i + ")"));
                return null;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    errors.add(new Problem.FieldError(name, "must be valid Unicode text (an unpaired surrogate at position "
                            + i + ")"));
                    return null;
                }
                i++;
            }
        }
        return value;
    }

    private Object wrong(String name, String expected, JsonValue json) {
        errors.add(new Problem.FieldError(name.isEmpty() ? "body" : name, "must be " + expected + ", not " + describe(json)));
        return null;
    }

    private static String describe(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("StrictJson cannot read " + type);
    }

    private static Object newInstance(Class<?> type) {
        try {
            Constructor<?> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a public no-argument constructor to be read from JSON", e);
        }
    }
}
