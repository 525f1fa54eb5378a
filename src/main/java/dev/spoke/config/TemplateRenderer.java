package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.spoke.SpokeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Jinja subset that dbt users write in {@code profiles.yml} and {@code spoke.yml}: {@code env_var('X')},
 * {@code env_var('X', 'default')}, and filters such as {@code | int}, {@code | as_number}, {@code | as_bool}. Built
 * on Jinjava, a real Jinja engine, so quoting, whitespace and filters behave as dbt users expect.
 *
 * <p>Thread-safe: each call renders in its own interpreter.
 */
public final class TemplateRenderer {
    private static final String STATE = "__spoke_render_state";

    private final Environment environment;
    private final Jinjava jinjava;

    public TemplateRenderer(Environment environment) {
        this.environment = requireNonNull(environment, "environment is null");
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", "env_var", TemplateRenderer.class, "envVar", String.class, Object[].class));
        jinjava.getGlobalContext().registerFilter(new PassThroughFilter("as_text"));
        jinjava.getGlobalContext().registerFilter(new PassThroughFilter("as_native"));
        jinjava.getGlobalContext().registerFilter(new PassThroughFilter("as_number"));
        jinjava.getGlobalContext().registerFilter(new PassThroughFilter("as_bool"));
    }

    /** True when the text holds a Jinja expression or statement that {@link #render} would change. */
    public static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /**
     * Renders one YAML scalar.
     *
     * @param template the text as written in the file
     * @param where a readable location for errors, e.g. {@code connection 'crm' key 'api_key' in spoke.yml}
     * @return the rendered text and the environment variables it read
     * @throws MissingEnvVarException naming {@code where} and the variable when an env var is missing
     * @throws SpokeException naming {@code where} when the Jinja is bad
     */
    public Rendered render(String template, String where) {
        if (!isTemplate(template)) {
            return new Rendered(template, List.of());
        }
        RenderState state = new RenderState(environment);
        Map<String, Object> bindings = new HashMap<>();
        bindings.put(STATE, state);
        RenderResult result = jinjava.renderForResult(template, bindings);
        if (!state.missing.isEmpty()) {
            throw new MissingEnvVarException(where, state.missing.get(0));
        }
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
                        || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
                .toList();
        if (!fatal.isEmpty()) {
            throw SpokeException.config(
                    where + ": cannot render " + describe(template) + ": " + fatal.get(0).getMessage(),
                    "spoke renders dbt's env_var() and its filters (int, as_number, as_bool, as_text); check the"
                            + " braces and quotes");
        }
        return new Rendered(result.getOutput().trim(), List.copyOf(state.used));
    }

    private static String describe(String template) {
        // A template can embed a literal secret; show its shape, not its text.
        return template.length() > 60 ? "the template" : "'" + template + "'";
    }

    /**
     * The {@code env_var} Jinja function. Public only because Jinjava calls it by reflection.
     *
     * @param name the environment variable
     * @param defaultValue an optional default, as in dbt
     * @return the value, the default, or an empty string after recording the variable as missing
     */
    public static Object envVar(String name, Object... defaultValue) {
        RenderState state = (RenderState) JinjavaInterpreter.getCurrent().getContext().get(STATE);
        state.used.add(name);
        var value = state.environment.get(name);
        if (value.isPresent()) {
            return value.get();
        }
        if (defaultValue != null && defaultValue.length > 0 && defaultValue[0] != null) {
            return String.valueOf(defaultValue[0]);
        }
        state.missing.add(name);
        return "";
    }

    /**
     * A rendered scalar.
     *
     * @param value the rendered text
     * @param envVars the environment variables the template read, in order
     */
    public record Rendered(String value, List<String> envVars) {
        /** True when the value came (at least in part) from the environment, so it is treated as a secret. */
        public boolean fromEnvironment() {
            return !envVars.isEmpty();
        }
    }

    private static final class RenderState {
        final Environment environment;
        final List<String> used = new ArrayList<>();
        final List<String> missing = new ArrayList<>();

        RenderState(Environment environment) {
            this.environment = environment;
        }
    }

    /**
     * dbt's {@code as_text}, {@code as_number}, {@code as_bool} and {@code as_native} only tell dbt which YAML type to
     * give the rendered text; spoke converts each value to the type its option declares, so they pass text through.
     */
    private record PassThroughFilter(String name) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return var;
        }
    }
}
