package dev.spoke.config;

import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionType;
import dev.spoke.destination.Options;
import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundUrls;
import java.util.List;
import java.util.Optional;

/**
 * Reports the URLs whose host the project's {@link AddressPolicy} refuses, as {@code spoke validate} can see them:
 * the host as written (IP literals in every notation, known names such as {@code metadata.google.internal}), never
 * resolved. The same policy refuses, at connect time, a name that resolves to a refused address.
 */
final class AddressProblems {
    static final String CODE = "refused-address";

    private AddressProblems() {
    }

    /**
     * Checks every option declared {@link OptionType#URL} that {@code options} holds (already valid URLs).
     *
     * @param owner who sends there, for messages: {@code connection 'crm_hook'}
     * @param keyPrefix where the options are, e.g. {@code connections.crm_hook}
     */
    static void checkUrlOptions(
            List<OptionSpec> specs, Options options, AddressPolicy policy, String owner, String model, String file,
            String keyPrefix, ProblemCollector problems) {
        for (OptionSpec spec : specs) {
            if (spec.type() == OptionType.URL && options.has(spec.name())) {
                String host = OutboundUrls.parse(options.requiredString(spec.name()), true).host();
                checkHost(host, policy, owner, spec.name(), model, file, keyPrefix + "." + spec.name(), problems);
            }
        }
    }

    /**
     * @param option the key holding the URL, for the message and the fix: {@code url}, {@code slack_webhook_url}
     * @return whether the host is allowed
     */
    static boolean checkHost(
            String host, AddressPolicy policy, String owner, String option, String model, String file, String key,
            ProblemCollector problems) {
        Optional<AddressPolicy.Refusal> refusal = policy.checkHost(host);
        refusal.ifPresent(refused -> problems.add(CODE, model, file, key, owner + ": " + option + " "
                + refused.reason(), refused.fix(option)));
        return refusal.isEmpty();
    }
}
