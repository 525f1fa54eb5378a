package dev.spoke.config;

import dev.spoke.destination.OptionValidator;
import dev.spoke.network.OutboundUrls;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The kinds of value a spoke.yml setting takes, each with its conversion from what YAML (or env_var()) gave. */
enum SettingType {
    /** Text. */
    TEXT("text"),
    /** A whole number, given as a number or as text ({@code "10"}, what env_var() renders). */
    WHOLE_NUMBER("whole number"),
    /** A number, possibly with a fraction. */
    DECIMAL("number"),
    /** A duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}; a bare number is seconds. */
    DURATION("duration"),
    /** One of a fixed list of words. */
    CHOICE("choice"),
    /** A list of text values; a single value is a list of one. */
    TEXT_LIST("list of text"),
    /** {@code true} or {@code false}, given as a YAML boolean or as text (what env_var() renders). */
    BOOLEAN("boolean (true or false)"),
    /** A secret, which must come from env_var() so that it stays out of the file (a {@link Secret}). */
    SECRET("secret from env_var()"),
    /**
     * A URL that is a credential (a Slack incoming webhook): a {@link Secret} from env_var(), http or https, without
     * user:password@ ({@link OutboundUrls}).
     */
    SECRET_URL("secret http(s) URL from env_var()");


    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    /** How the type reads in docs: {@code duration}, {@code whole number}, ... */
    String label() {
        return label;
    }

    /**
     * @param value a String, Number or Boolean as rendered from YAML, or a Secret rendered from env_var()
     * @return a String, Long, Double, Boolean, Duration, list of String or Secret
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    Object convert(Object value) {
        if (this == SECRET || this == SECRET_URL) {
            if (!(value instanceof Secret secret)) {
                throw new IllegalArgumentException("this is a secret written into the file; it must come from the"
                        + " environment with \"{{ env_var('NAME') }}\"");
            }
            if (this == SECRET_URL) {
                OutboundUrls.parse(secret.reveal(), true);
            }
            return secret;
        }
        if (this == TEXT_LIST) {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            return items.stream().map(item -> {
                if (item instanceof Map || item instanceof List || item == null) {
                    throw new IllegalArgumentException("expected a list of text values, got " + items);
                }
                return String.valueOf(item).trim();
            }).toList();
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("expected a " + label + ", got a " + (value instanceof Map
                    ? "mapping" : "list"));
        }
        String text = String.valueOf(value).trim();
        return switch (this) {
            case TEXT, CHOICE -> text;
            case TEXT_LIST, SECRET, SECRET_URL -> throw new IllegalStateException("converted above");
            case BOOLEAN -> {
                if (value instanceof Boolean bool) {
                    yield bool;
                }
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    yield Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("expected true or false, got '" + text + "'");
            }
            case WHOLE_NUMBER -> {
                try {
                    yield value instanceof Number number && !(value instanceof Double)
                            ? number.longValue() : new BigDecimal(text).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
                }
            }
            case DECIMAL -> {
                try {
                    yield value instanceof Number number ? number.doubleValue() : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a number, got '" + text + "'");
                }
            }
            case DURATION -> OptionValidator.parseDuration(value, text);
        };
    }

}
