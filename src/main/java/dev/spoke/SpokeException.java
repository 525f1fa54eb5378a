package dev.spoke;

import static java.util.Objects.requireNonNull;

/**
 * The one error type a user sees: a message saying what is wrong and where (model, file, key, row key), an
 * optional hint saying how to fix it, and the exit code it maps to. The CLI prints {@link #getMessage()} and
 * {@link #hint()}; it prints a stack trace only with {@code --debug}.
 */
public class SpokeException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public SpokeException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public SpokeException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
        this.hint = hint;
    }

    /** A configuration or usage error: nothing was done. */
    public static SpokeException config(String message, String hint) {
        return new SpokeException(ExitCode.CONFIG_ERROR, message, hint);
    }

    /** A failure of the warehouse, state store or network while running. */
    public static SpokeException runtime(String message, String hint, Throwable cause) {
        return new SpokeException(ExitCode.RUNTIME_ERROR, message, hint, cause);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** How to fix it, or {@code null} when the message says it all. */
    public String hint() {
        return hint;
    }
}
