package dev.spoke.config;

import com.networknt.schema.JsonNodePath;

/** Writes where in a model's meta something is, as users read it: {@code meta.destinations[0].mapping.email}. */
final class MetaPath {
    static final String DESTINATIONS = "meta.destinations";

    private MetaPath() {
    }

    /** The key of an entry: {@code meta.destinations[2]}. */
    static String entry(int index) {
        return DESTINATIONS + "[" + index + "]";
    }

    /** A location inside {@code meta.destinations}, as a JSON Schema validator reports it. */
    static String destinations(JsonNodePath path) {
        StringBuilder key = new StringBuilder(DESTINATIONS);
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                key.append('[').append(index).append(']');
            } else {
                key.append('.').append(element);
            }
        }
        return key.toString();
    }
}
