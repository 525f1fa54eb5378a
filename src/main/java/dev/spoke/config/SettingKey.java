package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.OptionValidator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One key of a spoke.yml settings block ({@code state:}, {@code delivery:}, {@code rate_limit:}), declared as data:
 * its name, type, bounds and meaning, and how it reads and sets its field. Parsing, problems and the reference docs
 * all come from the same declaration.
 *
 * @param name the YAML key
 * @param type how the value is converted
 * @param description what it means, one sentence
 * @param choices the allowed words of a {@link SettingType#CHOICE}
 * @param minimum the smallest allowed number, or {@code null}
 * @param maximum the largest allowed number, or {@code null}
 * @param getter reads the field from a builder (for the default in the docs); {@code null} when unset
 * @param setter writes the converted value into a builder
 * @param <B> the builder the block fills
 */
record SettingKey<B>(
        String name, SettingType type, String description, List<String> choices, Double minimum, Double maximum,
        Function<B, Object> getter, BiConsumer<B, Object> setter) {

    SettingKey {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        choices = List.copyOf(choices);
        requireNonNull(getter, "getter is null");
        requireNonNull(setter, "setter is null");
    }

    static <B> SettingKey<B> of(
            String name, SettingType type, String description, Function<B, Object> getter,
            BiConsumer<B, Object> setter) {
        return new SettingKey<>(name, type, description, List.of(), null, null, getter, setter);
    }

    static <B> SettingKey<B> choice(
            String name, List<String> choices, String description, Function<B, Object> getter,
            BiConsumer<B, Object> setter) {
        return new SettingKey<>(name, SettingType.CHOICE, description, choices, null, null, getter, setter);
    }

    SettingKey<B> atLeast(double min) {
        return new SettingKey<>(name, type, description, choices, min, maximum, getter, setter);
    }

    SettingKey<B> between(double min, double max) {
        return new SettingKey<>(name, type, description, choices, min, max, getter, setter);
    }

    /**
     * Converts and checks a value as rendered from YAML.
     *
     * @throws IllegalArgumentException saying what is wrong, with a did-you-mean for a misspelt choice
     */
    Object convert(Object value) {
        Object converted = type.convert(value);
        if (type == SettingType.CHOICE && !choices.contains(converted)) {
            throw new IllegalArgumentException("'" + converted + "' is not one of " + String.join(" | ", choices)
                    + OptionValidator.suggestion((String) converted, choices));
        }
        if (converted instanceof Number number) {
            double amount = number.doubleValue();
            if (minimum != null && amount < minimum || maximum != null && amount > maximum) {
                throw new IllegalArgumentException("must be " + bounds() + ", got " + value);
            }
        }
        return converted;
    }

    /** What a valid value looks like, for hints: {@code a duration}, {@code one of warehouse | local}. */
    String expectation() {
        if (type == SettingType.CHOICE) {
            return "one of " + String.join(" | ", choices);
        }
        String expected = "a " + type.label();
        return minimum == null ? expected : expected + " " + bounds();
    }

    private String bounds() {
        if (maximum == null) {
            return "at least " + format(minimum);
        }
        return "between " + format(minimum) + " and " + format(maximum);
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
