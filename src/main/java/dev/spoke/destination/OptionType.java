package dev.spoke.destination;

/** The type of a declared option, which decides how its YAML value is checked and converted. */
public enum OptionType {
    /** Text. A secret option holds a {@link dev.spoke.config.Secret}. */
    STRING,
    /**
     * An http(s) URL spoke sends to, held as text (a {@link dev.spoke.config.Secret} when it came from env_var()):
     * checked from the declaration alone, at validate and before a destination is built, for its scheme (http or
     * https only), credentials (never in the URL) and host (the outbound address policy, {@code network:} in
     * spoke.yml). Declare every URL a destination sends to this way: {@code OptionSpec.url("base_url")}.
     */
    URL,
    /** A whole number. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link OptionSpec#allowedValues()}. */
    ENUM,
    /** A duration in seconds, or text such as {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}. */
    DURATION,
    /** A map of text to text (HTTP headers); values rendered from env_var() are secrets. */
    STRING_MAP,
    /** A list of text. */
    STRING_LIST
}
