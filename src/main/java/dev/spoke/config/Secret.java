package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value that must never be printed: an API key, a token, a password, a signing secret, or anything rendered from
 * an environment variable. {@link #toString()} and JSON serialization give {@code [hidden]}; only {@link #reveal()}
 * gives the value, and only code that sends it to its destination may call it.
 *
 * <p>Every secret is registered with {@link SecretRedactor} when created, so that a value that leaks into a message
 * through a third-party library is still masked before it reaches a log or a file.
 */
public final class Secret {
    public static final String HIDDEN = "[hidden]";

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = requireNonNull(value, "value is null");
        this.source = requireNonNull(source, "source is null");
        SecretRedactor.global().register(value);
    }

    /**
     * @param value the secret value
     * @param source where it came from, safe to print, e.g. {@code env_var('MAILCHIMP_API_KEY')}
     */
    public static Secret of(String value, String source) {
        return new Secret(value, source);
    }

    /** The secret value itself. Call only to put it on the wire. */
    public String reveal() {
        return value;
    }

    /** Where the secret came from, safe to print, e.g. {@code env_var('MAILCHIMP_API_KEY')}. */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @JsonValue
    @Override
    public String toString() {
        return HIDDEN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
