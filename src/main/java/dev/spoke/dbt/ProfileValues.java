package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Secret;
import dev.spoke.config.TemplateRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders the values of one profiles.yml target: {@code env_var()} in every text value, numbers and booleans made
 * from {@code | int}, {@code | as_number} and {@code | as_bool}, and every value under a secret key (password, token,
 * private key, keyfile JSON, ...) wrapped in a {@link Secret}, nested values included.
 */
final class ProfileValues {
    /** Keys whose values are secret in dbt adapters' profiles (postgres, snowflake, bigquery, databricks, ...). */
    private static final Set<String> SECRET_KEYS = Set.of("pass", "password", "token", "private_key",
            "private_key_passphrase", "passphrase", "client_secret", "keyfile_json", "refresh_token", "access_token",
            "api_key", "secret", "oauth_client_secret", "service_account_json", "credentials_json");
    private static final Pattern NUMBER_FILTER = Pattern.compile("\\|\\s*(int|float|as_number)\\b");
    private static final Pattern BOOLEAN_FILTER = Pattern.compile("\\|\\s*as_bool\\b");

    private final TemplateRenderer renderer;
    private final String where;

    /**
     * @param where the target, for messages, e.g. {@code profiles.yml profile 'jaffle_shop' target 'dev'}
     */
    ProfileValues(TemplateRenderer renderer, String where) {
        this.renderer = requireNonNull(renderer, "renderer is null");
        this.where = requireNonNull(where, "where is null");
    }

    /** True for keys whose values must never be printed. */
    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(lower) || lower.contains("password") || lower.contains("secret")
                || lower.endsWith("_token") || lower.endsWith("private_key");
    }

    Map<String, Object> renderFields(Map<String, Object> fields) {
        return renderMap(fields, "", false);
    }

    private Map<String, Object> renderMap(Map<String, Object> map, String prefix, boolean secret) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        map.forEach((key, value) -> rendered.put(key, render(value, prefix + key, secret || isSecretKey(key))));
        return rendered;
    }

    @SuppressWarnings("unchecked")
    private Object render(Object value, String key, boolean secret) {
        if (value instanceof Map<?, ?> map) {
            return renderMap((Map<String, Object>) map, key + ".", secret);
        }
        if (value instanceof List<?> list) {
            List<Object> rendered = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                rendered.add(render(list.get(i), key + "[" + i + "]", secret));
            }
            return rendered;
        }
        if (!(value instanceof String text)) {
            return secret && value != null ? Secret.of(String.valueOf(value), where + " key '" + key + "'") : value;
        }
        String location = where + " key '" + key + "'";
        TemplateRenderer.Rendered rendered = renderer.render(text, location);
        if (secret) {
            String source = rendered.fromEnvironment()
                    ? "env_var('" + String.join("', '", rendered.envVars()) + "')" : location;
            return Secret.of(rendered.value(), source);
        }
        return typed(text, rendered.value());
    }

    /** The rendered text, or a number or boolean when the template converted it with a filter. */
    private static Object typed(String template, String value) {
        if (!TemplateRenderer.isTemplate(template)) {
            return value;
        }
        if (NUMBER_FILTER.matcher(template).find()) {
            try {
                return Long.valueOf(value.trim());
            } catch (NumberFormatException notWhole) {
                try {
                    return Double.valueOf(value.trim());
                } catch (NumberFormatException notNumber) {
                    return value;
                }
            }
        }
        if (BOOLEAN_FILTER.matcher(template).find()
                && (value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(value.trim());
        }
        return value;
    }
}
