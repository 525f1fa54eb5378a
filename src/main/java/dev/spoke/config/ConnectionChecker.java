package dev.spoke.config;

import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionType;
import dev.spoke.destination.OptionValidator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every connection of spoke.yml once, whether an export uses it or not: its type must be a known destination
 * type, its options must be what the type declares, its secrets must come from the environment, and the network
 * policy must allow the hosts of its URL options.
 */
final class ConnectionChecker {
    private ConnectionChecker() {
    }

    /** The factory of every connection whose type is known, by connection name; problems go to {@code problems}. */
    static Map<String, DestinationFactory> check(
            SpokeConfig config, DestinationRegistry registry, ProblemCollector problems) {
        Map<String, DestinationFactory> factories = new LinkedHashMap<>();
        String file = config.fileName();
        for (ConnectionSpec connection : config.connections().values()) {
            String prefix = "connections." + connection.name();
            Optional<DestinationFactory> factory = registry.find(connection.type());
            if (factory.isEmpty()) {
                problems.add("unknown-destination-type", null, file, prefix + ".type",
                        "connection '" + connection.name() + "' has type '" + connection.type()
                                + "', which is not a destination type" + OptionValidator.suggestion(
                                        connection.type(), registry.types()),
                        "Use one of: " + String.join(", ", registry.types())
                                + " (a type from a plugin needs its jar on the class path)");
                continue;
            }
            factories.put(connection.name(), factory.get());
            checkMisspeltSettings(connection, factory.get(), file, prefix, problems);
            checkLiteralSecrets(connection, factory.get(), file, prefix, problems);
            OptionValidator.Result options = ConnectionOptions.validate(connection, factory.get());
            OptionProblems.report(options, factory.get().connectionOptions(),
                    "connections of type '" + connection.type() + "'", null, file, prefix, problems);
            AddressProblems.checkUrlOptions(factory.get().connectionOptions(), options.options(), config.network(),
                    "connection '" + connection.name() + "'", null, file, prefix, problems);
        }
        return factories;
    }

    /**
     * A key that is not an option of the type but is close to {@code rate_limit} or {@code delivery} is a misspelt
     * setting, not an unknown option: say so, rather than suggest the type's options.
     */
    private static void checkMisspeltSettings(
            ConnectionSpec connection, DestinationFactory factory, String file, String prefix,
            ProblemCollector problems) {
        for (String key : connection.options().keySet()) {
            boolean declared = factory.connectionOptions().stream().anyMatch(spec -> spec.name().equals(key));
            String suggestion = OptionValidator.suggestion(key, SpokeYmlSettings.CONNECTION_KEYS);
            if (!declared && !suggestion.isEmpty()) {
                problems.add("unknown-key", null, file, prefix + "." + key, "unknown key '" + key + "'" + suggestion,
                        "A connection takes type, rate_limit, delivery and the options of its type: "
                                + OptionProblems.summary(factory.connectionOptions()));
            }
        }
    }

    private static void checkLiteralSecrets(
            ConnectionSpec connection, DestinationFactory factory, String file, String prefix,
            ProblemCollector problems) {
        for (OptionSpec spec : factory.connectionOptions()) {
            Object value = connection.options().get(spec.name());
            boolean literal = value != null && !(value instanceof Secret) && !String.valueOf(value).isEmpty();
            boolean text = spec.type() == OptionType.STRING || spec.type() == OptionType.URL;
            if (spec.secret() && text && literal) {
                String variable = (connection.name() + "_" + spec.name()).toUpperCase(Locale.ROOT)
                        .replaceAll("[^A-Z0-9_]", "_");
                problems.add("literal-secret", null, file, prefix + "." + spec.name(),
                        "connection '" + connection.name() + "' key '" + spec.name() + "' is a secret written into"
                                + " the file",
                        "Read it from the environment instead, so it stays out of version control: " + spec.name()
                                + ": \"{{ env_var('" + variable + "') }}\"");
            }
        }
    }
}
