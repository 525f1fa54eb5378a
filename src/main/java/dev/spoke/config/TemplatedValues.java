package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import java.util.stream.Collectors;

/**
 * Turns a part of spoke.yml into plain Java values (String, Long, Double, Boolean, Map, List), rendering
 * {@code env_var()} in every string on the way. A value that cannot be rendered (a missing environment variable, bad
 * Jinja) becomes a {@link Problem} and is left out, so that commands which need no secrets still work.
 */
final class TemplatedValues {
    private final TemplateRenderer renderer;
    private final String file;
    private final ProblemCollector problems;

    TemplatedValues(TemplateRenderer renderer, String file, ProblemCollector problems) {
        this.renderer = requireNonNull(renderer, "renderer is null");
        this.file = requireNonNull(file, "file is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /**
     * Where values are read: a problem key prefix ({@code connections.crm}) and the same place in words
     * ({@code connection 'crm'}).
     */
    record Scope(String keyPrefix, String label) {
        /** The top level of the file. */
        static final Scope TOP = new Scope("", "");

        /** The problem key of a value in this scope. */
        String key(String relativeKey) {
            return keyPrefix.isEmpty() ? relativeKey : keyPrefix + "." + relativeKey;
        }

        /** A value of this scope in words: {@code connection 'crm' key 'api_key'}. */
        String describe(String relativeKey) {
            return (label.isEmpty() ? "" : label + " ") + "key '" + relativeKey + "'";
        }
    }

    /**
     * @param node the YAML value
     * @param scope where it is
     * @param relativeKey its key within the scope, dotted for nested values
     * @param secretsFromEnvironment whether text rendered from the environment becomes a {@link Secret}
     * @return the value, or {@code null} when it is null or could not be rendered (a problem was reported)
     */
    Object toJava(JsonNode node, Scope scope, String relativeKey, boolean secretsFromEnvironment) {
        return JsonValues.toJava(node, relativeKey, (text, key) -> render(text, scope, key, secretsFromEnvironment));
    }

    private Object render(String text, Scope scope, String relativeKey, boolean secretsFromEnvironment) {
        String where = file + " " + scope.describe(relativeKey);
        try {
            TemplateRenderer.Rendered rendered = renderer.render(text, where);
            if (secretsFromEnvironment && rendered.fromEnvironment()) {
                String source = rendered.envVars().stream().distinct()
                        .map(name -> "env_var('" + name + "')").collect(Collectors.joining(", "));
                return Secret.of(rendered.value(), source);
            }
            return rendered.value();
        } catch (MissingEnvVarException e) {
            problems.add("missing-env-var", null, file, scope.key(relativeKey),
                    scope.describe(relativeKey) + " reads environment variable " + e.variable()
                            + ", which is not set",
                    MissingEnvVarException.howToSet(e.variable()));
        } catch (SpokeException e) {
            String message = e.getMessage().startsWith(where + ": ")
                    ? e.getMessage().substring(where.length() + 2) : e.getMessage();
            problems.add("invalid-template", null, file, scope.key(relativeKey), message, e.hint());
        }
        return null;
    }
}
