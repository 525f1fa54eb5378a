package dev.spoke.delivery;

import dev.spoke.destination.DestinationException;
import dev.spoke.destination.HttpFailures;
import java.time.Clock;
import okhttp3.Headers;

/** Failures as a real HTTP destination would classify them, through {@link HttpFailures}. */
final class Failures {
    private Failures() {
    }

    static DestinationException http(int status, String body, Clock clock) {
        return HttpFailures.classify(status, Headers.of(), body, clock);
    }

    static DestinationException http(int status, String body, Clock clock, String header, String value) {
        return HttpFailures.classify(status, Headers.of(header, value), body, clock);
    }

    static DestinationException unavailable(Clock clock) {
        return http(503, "unavailable", clock);
    }
}
