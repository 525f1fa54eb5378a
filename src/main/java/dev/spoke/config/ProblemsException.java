package dev.spoke.config;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.util.List;

/** Validation found problems that stop the command; the CLI prints each with {@link ProblemReport}. */
public final class ProblemsException extends SpokeException {
    private final List<Problem> problems;

    public ProblemsException(List<Problem> problems) {
        super(ExitCode.CONFIG_ERROR, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the project's configuration; nothing was sent", "fix them, then run `spoke validate`");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
