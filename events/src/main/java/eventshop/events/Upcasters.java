package eventshop.events;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one place upcasters are registered, and the stepwise application of them. */
public final class Upcasters {

    public static final List<Upcaster> ALL = List.of(
            new OrderPlacedV1Upcaster(),
            new OrderPlacedV2Upcaster(),
            new AuthorizePaymentV1Upcaster());

    private record Step(String type, int fromVersion) {
    }

    // toMap fails at class initialisation on two upcasters for one step: which one won would be luck.
    private static final Map<Step, Upcaster> BY_STEP = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(u -> new Step(u.type(), u.fromVersion()), Function.identity()));

    private Upcasters() {
    }

    public static boolean hasStep(String type, int fromVersion) {
        return BY_STEP.containsKey(new Step(type, fromVersion));
    }

    /**
     * Upcasts a payload one version at a time from {@code fromVersion} to {@code toVersion}.
     *
     * @throws MalformedMessageException when a step has no upcaster
     */
    public static JsonObject upcast(String type, int fromVersion, int toVersion, JsonObject payload) {
        JsonObject result = payload;
        for (int version = fromVersion; version < toVersion; version++) {
            Upcaster upcaster = BY_STEP.get(new Step(type, version));
            if (upcaster == null) {
                throw new MalformedMessageException("unsupported version " + fromVersion + " of " + type
                        + ": no upcaster from version " + version + " to " + (version + 1));
            }
            result = upcaster.upcast(result);
        }
        return result;
    }
}
