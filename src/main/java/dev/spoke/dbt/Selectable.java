package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One thing {@link NodeSelector} can select: a model, optionally with attributes the engine sets so that selection can
 * pick exports and destinations, not only models ({@code export:crm_*}, {@code destination:mailchimp}).
 *
 * @param modelUniqueId the model, e.g. {@code model.jaffle_shop.customers}
 * @param attributes what spoke's own methods match: {@link #EXPORT} (the export id) and {@link #DESTINATION} (the
 *     connection name); empty for a bare model
 */
public record Selectable(String modelUniqueId, Map<String, String> attributes) {
    /** The attribute {@code export:} matches: the export's id. */
    public static final String EXPORT = "export";
    /** The attribute {@code destination:} matches: the destination's connection name. */
    public static final String DESTINATION = "destination";

    public Selectable {
        requireNonNull(modelUniqueId, "modelUniqueId is null");
        attributes = Map.copyOf(attributes);
    }

    /** A bare model, with no export or destination. */
    public static Selectable model(String modelUniqueId) {
        return new Selectable(modelUniqueId, Map.of());
    }

    /** An export of a model to one destination. */
    public static Selectable export(String modelUniqueId, String exportId, String destination) {
        return new Selectable(modelUniqueId, Map.of(EXPORT, exportId, DESTINATION, destination));
    }

    /** The attribute's value, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
