package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Model;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds secrets written into a model's meta. dbt copies meta into target/manifest.json in plain text (and renders
 * {@code env_var()} there too), where anyone with the artifact can read it, so a secret there is an error: it belongs
 * in spoke.yml, read from the environment. Looks at every key of the meta tree, not only {@code destinations}, for a
 * key that names a secret and holds a value, and at every value for the shape of a known credential. Never repeats the
 * value in a message.
 */
final class SecretScanner {
    /** Key names (lower case, without separators) that hold secrets. */
    private static final Set<String> SECRET_NAMES = Set.of("apikey", "token", "accesstoken", "authtoken",
            "refreshtoken", "bearer", "bearertoken", "password", "passwd", "pwd", "secret", "clientsecret",
            "signingsecret", "webhooksecret", "authorization", "privatekey", "secretkey", "apisecret",
            "secretaccesskey", "sessiontoken", "credentials");
    /** Endings of key names that hold secrets: {@code hubspot_token}, {@code db_password}. */
    private static final List<String> SECRET_ENDINGS = List.of("token", "secret", "password", "passwd", "apikey",
            "privatekey", "secretkey");

    /**
     * The shape of a known kind of credential.
     *
     * @param description what it looks like, for the message (never the value)
     * @param pattern found anywhere in a text value
     */
    record CredentialPattern(String description, Pattern pattern) {
    }

    static final List<CredentialPattern> PATTERNS = List.of(
            credential("a Bearer or Basic authorization value",
                    "(?i)^\\s*(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}\\s*$"),
            credential("a Stripe secret key", "\\b[rs]k_(live|test)_[0-9A-Za-z]{10,}"),
            credential("a webhook signing secret (whsec_)", "\\bwhsec_[0-9A-Za-z+/=]{10,}"),
            credential("a Slack token", "\\bxox[abposr]-[0-9A-Za-z-]{10,}"),
            credential("a Slack webhook URL", "hooks\\.slack\\.com/services/T[0-9A-Za-z]+/B[0-9A-Za-z]+/[0-9A-Za-z]+"),
            credential("an AWS access key id", "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            credential("a JSON Web Token", "\\beyJ[0-9A-Za-z_-]{8,}\\.[0-9A-Za-z_-]{8,}\\.[0-9A-Za-z_-]{8,}"),
            credential("a GitHub token", "\\b(gh[pousr]_[0-9A-Za-z]{30,}|github_pat_[0-9A-Za-z_]{20,})"),
            credential("a SendGrid API key", "\\bSG\\.[0-9A-Za-z_-]{16,}\\.[0-9A-Za-z_-]{16,}"),
            credential("a HubSpot private app token", "\\bpat-(na|eu)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                    + "[0-9a-f]{4}-[0-9a-f]{12}"),
            credential("a Mailchimp API key", "\\b[0-9a-f]{32}-us[0-9]{1,2}\\b"),
            credential("a Google API key", "\\bAIza[0-9A-Za-z_-]{35}"),
            credential("a private key", "-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            credential("a URL with a password in it", "(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"));

    private static final Pattern ENTRY = Pattern.compile("meta\\.destinations\\[\\d+]");

    private final Model model;
    private final ProblemCollector problems;

    private SecretScanner(Model model, ProblemCollector problems) {
        this.model = model;
        this.problems = problems;
    }

    /** Reports every secret in the model's meta as a {@code literal-secret} problem. */
    static void scan(Model model, ProblemCollector problems) {
        new SecretScanner(model, problems).walk(model.meta(), "meta", null, false);
    }

    /**
     * @param connection the {@code to:} of the destination entry being walked, to suggest an env var name
     * @param underMapping whether the walk is inside a {@code mapping:}, whose keys are destination field names
     *     and whose values are column names, so key names say nothing about secrets there
     */
    private void walk(JsonNode node, String path, String connection, boolean underMapping) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String key = entry.getKey();
                String childPath = path + "." + key;
                JsonNode value = entry.getValue();
                if (!underMapping && namesSecret(key) && holdsLiteral(value)) {
                    report(childPath, key, connection, "key '" + key + "' holds a secret");
                } else {
                    boolean mapping = underMapping || key.equals("mapping") && ENTRY.matcher(path).matches();
                    walk(value, childPath, connection, mapping);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = path + "[" + i + "]";
                String to = path.equals(MetaPath.DESTINATIONS) && item.path("to").isTextual()
                        ? item.path("to").asText() : connection;
                walk(item, itemPath, to, underMapping);
            }
        } else if (node.isTextual()) {
            matchingCredential(node.asText()).ifPresent(pattern -> report(path, lastKey(path), connection,
                    "the value looks like " + pattern.description()));
        }
    }

    private void report(String path, String key, String connection, String what) {
        String variable = ((connection == null ? "" : connection + "_") + key).toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9_]", "_");
        problems.add("literal-secret", model.displayName(), model.propertiesFile(), path,
                what + ", and dbt writes meta into target/manifest.json in plain text (it renders env_var() there"
                        + " too), where anyone with the artifact can read it",
                "Remove it from meta, put it in spoke.yml under the connection"
                        + (connection == null ? "" : " '" + connection + "'") + " as " + key + ": \"{{ env_var('"
                        + variable + "') }}\", and rotate the secret: it has been in the manifest");
    }

    static boolean namesSecret(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_NAMES.contains(normalized) || SECRET_ENDINGS.stream().anyMatch(normalized::endsWith);
    }

    private static boolean holdsLiteral(JsonNode value) {
        if (value.isTextual()) {
            return !value.asText().isBlank() && !TemplateRenderer.isTemplate(value.asText());
        }
        return value.isNumber();
    }

    static Optional<CredentialPattern> matchingCredential(String text) {
        return PATTERNS.stream().filter(p -> p.pattern().matcher(text).find()).findFirst();
    }

    private static String lastKey(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replaceAll("\\[\\d+]$", "");
    }

    private static CredentialPattern credential(String description, String regex) {
        return new CredentialPattern(description, Pattern.compile(regex));
    }
}
