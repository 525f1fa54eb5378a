package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One option of a destination type, declared as data: its name, type, whether it is required, its default, what it
 * means and whether it is secret. The same declaration drives validation, secret masking, {@code spoke schema} and
 * the reference docs. Built fluently: {@code OptionSpec.string("url").required().describedAs("Where rows are POSTed")}.
 *
 * @param name the YAML key, snake_case
 * @param type how the value is checked and converted
 * @param isRequired whether the option must be set
 * @param defaultValue the value when unset (already of the converted type), or {@code null}
 * @param description what the option means, one sentence, for docs and the schema
 * @param secret whether the value is a secret: it must come from {@code env_var()} and is never printed
 * @param allowedValues the choices of an {@link OptionType#ENUM}
 * @param minimum the smallest allowed {@link OptionType#INTEGER}, or {@code null}
 * @param maximum the largest allowed {@link OptionType#INTEGER}, or {@code null}
 */
public record OptionSpec(
        String name, OptionType type, boolean isRequired, Object defaultValue, String description, boolean secret,
        List<String> allowedValues, Long minimum, Long maximum) {

    public OptionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        description = description == null ? "" : description;
        allowedValues = List.copyOf(allowedValues);
    }

    private static OptionSpec of(String name, OptionType type) {
        return new OptionSpec(name, type, false, null, "", false, List.of(), null, null);
    }

    public static OptionSpec string(String name) {
        return of(name, OptionType.STRING);
    }

    /** An http(s) URL spoke sends to: scheme, credentials and host are checked from this declaration alone. */
    public static OptionSpec url(String name) {
        return of(name, OptionType.URL);
    }

    public static OptionSpec integer(String name) {
        return of(name, OptionType.INTEGER);
    }

    public static OptionSpec bool(String name) {
        return of(name, OptionType.BOOLEAN);
    }

    public static OptionSpec duration(String name) {
        return of(name, OptionType.DURATION);
    }

    public static OptionSpec stringMap(String name) {
        return of(name, OptionType.STRING_MAP);
    }

    public static OptionSpec stringList(String name) {
        return of(name, OptionType.STRING_LIST);
    }

    public static OptionSpec oneOf(String name, String... choices) {
        return new OptionSpec(name, OptionType.ENUM, false, null, "", false, List.of(choices), null, null);
    }

    public OptionSpec required() {
        return new OptionSpec(name, type, true, defaultValue, description, secret, allowedValues, minimum, maximum);
    }

    public OptionSpec withDefault(Object value) {
        return new OptionSpec(name, type, isRequired, value, description, secret, allowedValues, minimum, maximum);
    }

    public OptionSpec describedAs(String text) {
        return new OptionSpec(name, type, isRequired, defaultValue, text, secret, allowedValues, minimum, maximum);
    }

    public OptionSpec asSecret() {
        return new OptionSpec(name, type, isRequired, defaultValue, description, true, allowedValues, minimum, maximum);
    }

    public OptionSpec between(long min, long max) {
        return new OptionSpec(name, type, isRequired, defaultValue, description, secret, allowedValues, min, max);
    }
}
