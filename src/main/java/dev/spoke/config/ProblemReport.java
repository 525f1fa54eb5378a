package dev.spoke.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders problems for a console, grouped by the file to edit:
 *
 * <pre>
 * models/marts/schema.yml
 *   model at_risk, meta.destinations[0].mappping: unknown key 'mappping' (did you mean 'mapping'?) [unknown-key]
 *     fix: A destination takes: to, mode, key, mapping, options
 * 1 problem in 1 file
 * </pre>
 *
 * Every line passes through {@link SecretRedactor}, in case a value of a library's message carried a secret.
 */
public final class ProblemReport {
    private ProblemReport() {
    }

    /** The problems grouped by file, each with its code and fix, then a count; empty text for no problems. */
    public static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        Map<String, List<Problem>> byFile = new TreeMap<>();
        for (Problem problem : problems.stream().sorted(ProblemCollector.ORDER).toList()) {
            byFile.computeIfAbsent(problem.file(), file -> new ArrayList<>()).add(problem);
        }
        StringBuilder text = new StringBuilder();
        byFile.forEach((file, inFile) -> {
            text.append(file).append('\n');
            for (Problem problem : inFile) {
                text.append("  ").append(place(problem)).append(problem.message())
                        .append(" [").append(problem.code()).append("]\n");
                if (problem.hint() != null) {
                    text.append("    fix: ").append(problem.hint()).append('\n');
                }
            }
        });
        text.append(problems.size()).append(problems.size() == 1 ? " problem in " : " problems in ")
                .append(byFile.size()).append(byFile.size() == 1 ? " file" : " files").append('\n');
        return SecretRedactor.global().redact(text.toString());
    }

    private static String place(Problem problem) {
        StringBuilder place = new StringBuilder();
        if (problem.model() != null) {
            place.append("model ").append(problem.model());
            place.append(problem.key() == null ? ": " : ", ");
        }
        if (problem.key() != null) {
            place.append(problem.key()).append(": ");
        }
        return place.toString();
    }
}
