package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders docs/reference.md from the same declarations that validate what users write: the entry keys of
 * {@code meta.destinations} (from the generated JSON Schema), the settings of spoke.yml ({@link SpokeYmlSettings}),
 * and each destination type's options ({@link OptionSpec}). A test keeps the committed file equal to this output.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {
    }

    public static String render(DestinationRegistry registry) {
        requireNonNull(registry, "registry is null");
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("Generated from spoke's own declarations (`ReferenceDocs`); a test keeps this file in step with the code.\n")
                .append("Durations are written `500ms`, `30s`, `5m`, `2h` or `30d`; a bare number is seconds.\n\n");
        entryKeys(registry, out);
        settings(out);
        for (DestinationFactory factory : registry.all()) {
            destination(factory, out);
        }
        return out.toString();
    }

    private static void entryKeys(DestinationRegistry registry, StringBuilder out) {
        out.append("## `meta.destinations[]` entries\n\n")
                .append("In a model's config (schema.yml `config.meta`, or `+meta` in dbt_project.yml). Never secret.\n\n")
                .append("| key | meaning |\n|---|---|\n");
        JsonNode properties = DestinationsSchema.generate(registry, null).at("/definitions/destination/properties");
        for (String key : DestinationsSchema.ENTRY_KEYS) {
            out.append("| `").append(key).append("` | ").append(cell(properties.path(key).path("description").asText()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static void settings(StringBuilder out) {
        out.append("## spoke.yml\n\n")
                .append("`connections.<name>` takes `type` (a destination type below), the type's connection options, and the\n")
                .append("blocks below. A string may use `{{ env_var('NAME') }}` or `{{ env_var('NAME', 'default') }}`; a value read\n")
                .append("from the environment is a secret and is never printed.\n\n")
                .append("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (SpokeYmlSettings.SettingDoc doc : SpokeYmlSettings.documentation()) {
            out.append("| `").append(doc.key()).append("` | ").append(cell(doc.type())).append(" | ")
                    .append(doc.defaultValue() == null ? "unset" : "`" + doc.defaultValue() + "`").append(" | ")
                    .append(cell(doc.description())).append(" |\n");
        }
        out.append('\n');
    }

    private static void destination(DestinationFactory factory, StringBuilder out) {
        out.append("## Destination type `").append(factory.type()).append("`\n\n")
                .append(factory.description()).append(". Modes: ")
                .append(factory.supportedModes().stream().sorted().map(SyncMode::configName).collect(Collectors.joining(", ")))
                .append(".\n\n");
        options("Connection options (spoke.yml)", factory.connectionOptions(), out);
        options("Export options (`meta.destinations[].options`)", factory.exportOptions(), out);
    }

    private static void options(String title, List<OptionSpec> specs, StringBuilder out) {
        out.append(title).append(":\n\n");
        if (specs.isEmpty()) {
            out.append("none\n\n");
            return;
        }
        out.append("| option | type | required | default | meaning |\n|---|---|---|---|---|\n");
        for (OptionSpec spec : specs) {
            out.append("| `").append(spec.name()).append("` | ").append(type(spec)).append(" | ")
                    .append(spec.isRequired() ? "yes" : "no").append(" | ")
                    .append(spec.defaultValue() == null ? "" : "`" + value(spec.defaultValue()) + "`").append(" | ")
                    .append(cell(spec.description())).append(spec.secret() ? " Secret: from `env_var()`, never printed." : "")
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String type(OptionSpec spec) {
        return switch (spec.type()) {
            case STRING -> "text";
            case INTEGER -> spec.minimum() != null ? "whole number " + spec.minimum() + "-" + spec.maximum() : "whole number";
            case BOOLEAN -> "true / false";
            case ENUM -> String.join(" \\| ", spec.allowedValues());
            case DURATION -> "duration";
            case STRING_MAP -> "map of text";
            case STRING_LIST -> "list of text";
            case URL -> "http(s) URL";
        };
    }

    private static String value(Object value) {
        return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
