package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

/**
 * A value that is already JSON text (a json or jsonb column as the warehouse printed it), written into a body as it
 * is, without parsing it into a tree first. {@link RowFields#value} hands destinations the parsed form.
 *
 * @param json valid JSON text
 */
public record RawJson(String json) {
    public RawJson {
        requireNonNull(json, "json is null");
    }

    @Override
    public String toString() {
        return json;
    }
}
