package dev.spoke.config;

import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionValidator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns {@link OptionValidator} messages ({@code "list_id: required"}) into {@link Problem}s with a fix. */
final class OptionProblems {
    private OptionProblems() {
    }

    /**
     * @param result the validation result
     * @param specs the options that were declared
     * @param owner who takes these options, in words: {@code connections of type 'mailchimp'}
     * @param keyPrefix where the options are, e.g. {@code meta.destinations[0].options} or {@code connections.crm}
     */
    static void report(
            OptionValidator.Result result, List<OptionSpec> specs, String owner, String model, String file,
            String keyPrefix, ProblemCollector problems) {
        for (String text : result.problems()) {
            int colon = text.indexOf(": ");
            String name = colon < 0 ? "" : text.substring(0, colon);
            String detail = colon < 0 ? text : text.substring(colon + 2);
            Optional<OptionSpec> spec = specs.stream().filter(s -> s.name().equals(name)).findFirst();
            String hint = spec.map(s -> "Set " + s.name() + " to " + expectation(s)
                            + (s.description().isEmpty() ? "" : ": " + s.description()))
                    .orElse(owner + " take: " + summary(specs));
            problems.add("invalid-option", model, file, name.isEmpty() ? keyPrefix : keyPrefix + "." + name,
                    "option '" + name + "': " + detail, hint);
        }
    }

    /** {@code url (required), batch_size, timeout}: the options of a type, for hints. */
    static String summary(List<OptionSpec> specs) {
        if (specs.isEmpty()) {
            return "no options";
        }
        return specs.stream().map(s -> s.name() + (s.isRequired() ? " (required)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String expectation(OptionSpec spec) {
        return switch (spec.type()) {
            case STRING -> spec.secret() ? "text from the environment, \"{{ env_var('NAME') }}\"" : "text";
            case INTEGER -> "a whole number" + (spec.minimum() == null ? ""
                    : " from " + spec.minimum() + (spec.maximum() == null ? "" : " to " + spec.maximum()));
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(" | ", spec.allowedValues());
            case DURATION -> "a duration such as 500ms, 30s, 5m or 2h";
            case STRING_MAP -> "a mapping of names to text";
            case STRING_LIST -> "a list of text";
            case URL -> "an http(s) URL without credentials, e.g. https://hooks.example.com/spoke";
        };
    }
}
