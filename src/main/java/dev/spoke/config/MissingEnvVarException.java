package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;

/**
 * {@link TemplateRenderer#render} read an environment variable that is not set and has no default. A
 * {@link SpokeException} like any other render failure, but one that says which variable, so that a reader that must
 * go on without secrets ({@code spoke ls}) can turn it into a {@link Problem} instead of stopping.
 */
public final class MissingEnvVarException extends SpokeException {
    private final String where;
    private final String variable;

    /**
     * @param where the readable location that was being rendered, e.g. {@code spoke.yml connection 'crm' key 'api_key'}
     * @param variable the environment variable that is not set
     */
    public MissingEnvVarException(String where, String variable) {
        super(ExitCode.CONFIG_ERROR,
                requireNonNull(where, "where is null") + ": environment variable "
                        + requireNonNull(variable, "variable is null") + " is not set",
                howToSet(variable));
        this.where = where;
        this.variable = variable;
    }

    /** How to fix it: set the variable, or give env_var() a default. */
    public static String howToSet(String variable) {
        return "Set " + variable + " in the environment spoke runs in (export " + variable + "=..., or your"
                + " orchestrator's secret store), or give a default: {{ env_var('" + variable + "', 'default') }}";
    }

    public String where() {
        return where;
    }

    public String variable() {
        return variable;
    }
}
