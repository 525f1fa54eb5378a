package dev.spoke.config;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Masks every known secret value in text before it is written anywhere: console, log lines, run results, alerts.
 * A defence in depth behind {@link Secret}: an exception message from a driver or an HTTP library can carry a
 * secret (a token in a URL, a password in a connection string) that no {@code toString()} could hide.
 */
public final class SecretRedactor {
    /** Values shorter than this are not masked: masking "1" or "db" everywhere would garble every message. */
    static final int MIN_LENGTH = 4;

    private static final SecretRedactor GLOBAL = new SecretRedactor();

    private final CopyOnWriteArraySet<String> secrets = new CopyOnWriteArraySet<>();

    /** The process-wide redactor that every {@link Secret} registers with. */
    public static SecretRedactor global() {
        return GLOBAL;
    }

    public void register(String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            secrets.add(value);
        }
    }

    /** The text with every registered secret replaced by {@code [hidden]}; longest secrets first. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        List<String> longestFirst = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            if (result.contains(secret)) {
                result = result.replace(secret, Secret.HIDDEN);
            }
        }
        return result;
    }
}
