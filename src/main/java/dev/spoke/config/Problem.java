package dev.spoke.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with what a user wrote, tied to where it is and how to fix it. Validation collects every problem
 * before reporting, so a user fixes them all in one pass.
 *
 * @param code a stable code, e.g. {@code unknown-key}, {@code unknown-connection}, {@code literal-secret}
 * @param model the model's display name, or {@code null} for problems outside a model (spoke.yml)
 * @param file the file to edit, e.g. {@code models/marts/schema.yml} or {@code spoke.yml}
 * @param key where in the file, e.g. {@code meta.destinations[0].mappping}
 * @param message what is wrong
 * @param hint how to fix it, or {@code null}
 */
public record Problem(String code, String model, String file, String key, String message, String hint) {
    public Problem {
        requireNonNull(code, "code is null");
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
    }

    /** One line: {@code models/schema.yml: model at_risk_customers, meta.destinations[0].mode: ... (fix: ...)}. */
    public String render() {
        StringBuilder line = new StringBuilder(file).append(": ");
        if (model != null) {
            line.append("model ").append(model);
            if (key != null) {
                line.append(", ");
            }
        }
        if (key != null) {
            line.append(key);
        }
        line.append(": ").append(message);
        if (hint != null) {
            line.append(". Fix: ").append(hint);
        }
        return line.toString();
    }
}
