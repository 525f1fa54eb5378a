package dev.spoke.delivery;

import java.time.Duration;

/** Where the {@link RequestGate} reports a finished request: the listener's write or poll method. */
@FunctionalInterface
interface RequestReport {
    void completed(RequestOutcome outcome, int httpStatus, Duration latency);
}
