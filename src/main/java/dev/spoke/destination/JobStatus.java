package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The state of a {@link PendingJob}, as {@link Destination#poll(PendingJob)} found it. */
public sealed interface JobStatus permits JobStatus.Running, JobStatus.Finished {

    /**
     * Still running.
     *
     * @param pollAgainAfter the delay the destination suggests, or {@link Duration#ZERO} to let the engine decide
     */
    record Running(Duration pollAgainAfter) implements JobStatus {
        public Running {
            requireNonNull(pollAgainAfter, "pollAgainAfter is null");
        }
    }

    /**
     * Ended; the result holds an outcome per row of the job.
     *
     * @param result per-row outcomes
     */
    record Finished(WriteResult result) implements JobStatus {
        public Finished {
            requireNonNull(result, "result is null");
        }
    }
}
