package dev.spoke.cli;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Problem;
import dev.spoke.config.ProblemsException;
import dev.spoke.report.JsonRunLog;
import dev.spoke.report.RunLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's failure as JSON lines on stderr, for {@code --log-format json}: one {@code config.problem} event per
 * problem, then one {@code command.failed} event with the message, the hint and the exit code. So that a log
 * collector reads every line stderr carries, failures included.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    /** Whether the command line asks for JSON logs. */
    static boolean requested(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--log-format=json") || arg.equals("--log-format") && i + 1 < args.size()
                    && args.get(i + 1).equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }

    static int report(Exception exception, CliServices services) {
        RunLog log = new JsonRunLog(services.err(), services.clock(), RunLog.Level.DEBUG);
        ExitCode code = exception instanceof SpokeException spoke ? spoke.exitCode() : ExitCode.INTERNAL_ERROR;
        if (exception instanceof ProblemsException problems) {
            for (Problem problem : problems.problems()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("code", problem.code());
                fields.put("file", problem.file());
                fields.put("model", problem.model());
                fields.put("key", problem.key());
                fields.put("hint", problem.hint());
                log.error("config.problem", problem.message(), fields);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exit_code", code.code());
        if (exception instanceof SpokeException spoke) {
            fields.put("hint", spoke.hint());
            log.error("command.failed", spoke.getMessage(), fields);
        } else {
            log.error("command.failed", "internal error: " + exception
                    + " (rerun with --debug for the stack trace, and please report it)", fields);
        }
        return code.code();
    }
}
