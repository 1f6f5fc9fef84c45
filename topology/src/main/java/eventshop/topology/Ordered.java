package eventshop.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps the order its entries are written in: generated documents must be the same at every run. */
final class Ordered {

    private Ordered() {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
