package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationException;

/** How one request through the {@link RequestGate} went. */
sealed interface Attempt<T> permits Attempt.Answered, Attempt.Failed, Attempt.NotStarted {

    /** The destination answered. */
    record Answered<T>(T value) implements Attempt<T> {
        public Answered {
            requireNonNull(value, "value is null");
        }
    }

    /** The request was sent and failed as a whole. */
    record Failed<T>(DestinationException failure) implements Attempt<T> {
        public Failed {
            requireNonNull(failure, "failure is null");
        }
    }

    /** The request was not sent (stopped, circuit open, throttled out, time budget, stop signal): the rows' deferral. */
    record NotStarted<T>(Deferral deferral) implements Attempt<T> {
        public NotStarted {
            requireNonNull(deferral, "deferral is null");
        }

        String reason() {
            return deferral.reason();
        }
    }
}
