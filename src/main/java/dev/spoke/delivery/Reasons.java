package dev.spoke.delivery;

import java.time.Duration;

/** The words of every rejection the delivery layer itself decides on, in one place so that they stay consistent. */
final class Reasons {
    static final String TIME_BUDGET = "time budget exhausted; rows left for the next run";
    static final String INTERRUPTED = "not sent: the delivering thread was interrupted; rows left for the next run";
    static final String NOT_REPORTED = "the destination did not report on this row";

    private Reasons() {
    }

    static String stopRequested(String why) {
        return "not sent: spoke was asked to stop" + (why.isBlank() ? "" : " (" + why + ")") + "; rows left for the next run";
    }

    static String notSent(String reason) {
        return "not sent: " + reason;
    }

    static String circuitOpen(String connection, int failures, String lastFailure) {
        return "not sent: destination " + connection + " looks down (" + failures + " consecutive failures, the last: "
                + lastFailure + "); rows left for the next run";
    }

    static String waitBeyondBudget(Duration asked) {
        long seconds = (asked.toMillis() + 999) / 1000;
        return "rate limited: destination asked to wait " + seconds + "s, more than "
                + (asked.compareTo(RunBudget.LONGEST_WAIT) > 0
                        ? "the longest wait a run accepts (" + RunBudget.LONGEST_WAIT.toMinutes() + " min)"
                        : "the run's remaining time budget")
                + "; rows left for the next run";
    }

    static String throttledTooLong(String connection, String lastAnswer) {
        return "rate limited: destination " + connection + " still throttled after the longest a run waits on one"
                + " request (" + RunBudget.LONGEST_WAIT.toMinutes() + " min; the last answer: " + lastAnswer
                + "); nothing more is sent to it in this run, rows left for the next run";
    }

    static String gaveUp(String reason, int attempts) {
        return reason + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    static String deferredAfterFailures(String failure) {
        return failure + "; rows left for the next run";
    }

    static String withLastError(String refusal, String lastError) {
        return refusal + " (last error: " + lastError + ")";
    }

    static String jobUnreadable(String jobId, String reason) {
        return "could not read the status of job " + jobId + ": " + reason;
    }

    static String jobOutcomeUnknown(String jobId, String reason) {
        return "outcome unknown: " + jobUnreadable(jobId, reason) + "; the row will be sent again";
    }
}
