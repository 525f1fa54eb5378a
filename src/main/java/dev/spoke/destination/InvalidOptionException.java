package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

/**
 * Options a factory refuses for a reason their declarations cannot express (two options that exclude each other, a
 * header name, a signing secret's format, a path), naming the option and which side holds it: the connection in
 * spoke.yml, or the export's {@code options:} in a model's meta. Thrown by {@link DestinationFactory#check} and
 * {@link DestinationFactory#create}; {@code spoke validate} reports it at the key the user edits
 * ({@code connections.<name>.<option>}, or {@code meta.destinations[i].options.<option>} in the model's properties
 * file). A plain {@link IllegalArgumentException} is still accepted, and reported against the connection.
 */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Where the option is written. */
    public enum Side {
        /** A connection option, in spoke.yml. */
        CONNECTION,
        /** An export option, under {@code options:} of a {@code meta.destinations} entry. */
        EXPORT
    }

    private final Side side;
    private final String option;

    private InvalidOptionException(Side side, String option, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.side = requireNonNull(side, "side is null");
        this.option = requireNonNull(option, "option is null");
    }

    /**
     * @param option the option, or a key below it ({@code headers.X-Api-Key})
     * @param message what is wrong and how to fix it, never a secret's value
     */
    public static InvalidOptionException connection(String option, String message) {
        return new InvalidOptionException(Side.CONNECTION, option, message, null);
    }

    /** As {@link #connection(String, String)}, keeping the failure that explains it. */
    public static InvalidOptionException connection(String option, String message, Throwable cause) {
        return new InvalidOptionException(Side.CONNECTION, option, message, cause);
    }

    /** An export option: see {@link #connection(String, String)}. */
    public static InvalidOptionException export(String option, String message) {
        return new InvalidOptionException(Side.EXPORT, option, message, null);
    }

    /** As {@link #export(String, String)}, keeping the failure that explains it. */
    public static InvalidOptionException export(String option, String message, Throwable cause) {
        return new InvalidOptionException(Side.EXPORT, option, message, cause);
    }

    public Side side() {
        return side;
    }

    /** The option's key, relative to the connection or to the entry's {@code options:}. */
    public String option() {
        return option;
    }
}
