package dev.spoke.destination;

import dev.spoke.config.Secret;
import dev.spoke.network.OutboundUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks raw option values (as read from YAML, env_var() already rendered) against declared {@link OptionSpec}s and
 * converts them. Reports every problem, each naming the option, rather than stopping at the first.
 */
public final class OptionValidator {
    /** The text form of a duration: a whole number and an optional unit (ms, s, m, h, d); a bare number is seconds. */
    public static final String DURATION_PATTERN = "^\\s*\\d+\\s*(ms|s|m|h|d)?\\s*$";

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h|d)?\\s*");

    private OptionValidator() {
    }

    /**
     * The outcome of a validation.
     *
     * @param options converted values with defaults applied; complete only when {@code problems} is empty
     * @param problems one message per problem, each starting with the option name
     */
    public record Result(Options options, List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param specs the declared options
     * @param raw values as read: String, Secret, Number, Boolean, Map or List
     * @param ignored keys that are allowed but not declared here (handled by the caller, like {@code type})
     */
    public static Result validate(List<OptionSpec> specs, Map<String, ?> raw, List<String> ignored) {
        Map<String, Object> converted = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key) && !ignored.contains(key)) {
                problems.add(key + ": unknown option" + suggestion(key, byName.keySet())
                        + "; allowed: " + String.join(", ", byName.keySet()));
            }
        }
        for (OptionSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.isRequired()) {
                    problems.add(spec.name() + ": required" + (spec.description().isEmpty() ? "" : " (" + spec.description() + ")"));
                } else if (spec.defaultValue() != null) {
                    converted.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            try {
                converted.put(spec.name(), convert(spec, value));
            } catch (IllegalArgumentException e) {
                problems.add(spec.name() + ": " + e.getMessage());
            }
        }
        return new Result(new Options(converted), List.copyOf(problems));
    }

    private static Object convert(OptionSpec spec, Object value) {
        if (value instanceof Secret secret && spec.type() == OptionType.STRING) {
            return secret;
        }
        String text = value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
        return switch (spec.type()) {
            case STRING -> {
                if (value instanceof Map || value instanceof List) {
                    throw new IllegalArgumentException("expected text, got " + describe(value));
                }
                yield spec.secret() ? Secret.of(text, "option " + spec.name()) : text;
            }
            case URL -> {
                if (value instanceof Map || value instanceof List) {
                    throw new IllegalArgumentException("expected an http(s) URL, got " + describe(value));
                }
                OutboundUrls.parse(text, value instanceof Secret);
                if (value instanceof Secret) {
                    yield value;
                }
                yield spec.secret() ? Secret.of(text, "option " + spec.name()) : text;
            }
            case INTEGER -> {
                long number;
                try {
                    number = value instanceof Number n ? n.longValue() : Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
                }
                if (spec.minimum() != null && number < spec.minimum() || spec.maximum() != null && number > spec.maximum()) {
                    throw new IllegalArgumentException(
                            "must be between " + spec.minimum() + " and " + spec.maximum() + ", got " + number);
                }
                yield number;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String lower = text.trim().toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    yield Boolean.parseBoolean(lower);
                }
                throw new IllegalArgumentException("expected true or false, got '" + text + "'");
            }
            case ENUM -> {
                if (!spec.allowedValues().contains(text)) {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not one of " + String.join(" | ", spec.allowedValues()));
                }
                yield text;
            }
            case DURATION -> parseDuration(value, text);
            case STRING_MAP -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("expected a map of text, got " + describe(value));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                map.forEach((k, v) -> result.put(String.valueOf(k), v instanceof Secret ? v : String.valueOf(v)));
                yield result;
            }
            case STRING_LIST -> {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalArgumentException("expected a list, got " + describe(value));
                }
                yield list.stream().map(item -> item instanceof Secret ? item : String.valueOf(item)).toList();
            }
        };
    }

    /** Parses {@code 30}, {@code 30s}, {@code 500ms}, {@code 5m}, {@code 2h}, {@code 30d}; a bare number is seconds. */
    public static Duration parseDuration(Object value, String text) {
        if (value instanceof Number n) {
            return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a duration such as 30s, 500ms, 5m, 2h or 30d, got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }

    /** ", did you mean 'x'?" for a key within two edits of a known one, else empty. */
    public static String suggestion(String key, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = editDistance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
