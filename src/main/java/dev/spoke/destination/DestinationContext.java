package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * The runtime services a destination may use. The engine builds one per run; destinations never create their own
 * HTTP clients, clocks or registries, so tests can hand them fakes.
 *
 * @param http the one HTTP client: timeouts from the connection's settings, redirects never followed
 * @param clock the clock (for signatures and timestamps)
 * @param meters where destinations may record their own metrics
 * @param json the JSON mapper to serialize payloads with
 * @param projectDir the dbt project directory, against which relative paths (file destination) resolve
 * @param userAgent the User-Agent to send, e.g. {@code spoke/0.1.0}
 * @param runId the id of the sync run the destination serves, the same in run results, logs and {@code sync_log}
 *     (the file destination names a run's file with it: {@code {run_id}})
 * @param runStarted when that run started, the same instant for every export of the run (the file destination's
 *     {@code {timestamp}})
 */
public record DestinationContext(
        OkHttpClient http, Clock clock, MeterRegistry meters, ObjectMapper json, Path projectDir, String userAgent,
        String runId, Instant runStarted) {
    public DestinationContext {
        requireNonNull(http, "http is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(meters, "meters is null");
        requireNonNull(json, "json is null");
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(runStarted, "runStarted is null");
    }

    /**
     * A context outside a sync run (an alert, a test): a run id of its own, and the clock's current instant as the
     * run's start.
     */
    public DestinationContext(OkHttpClient http, Clock clock, MeterRegistry meters, ObjectMapper json, Path projectDir,
            String userAgent) {
        this(http, clock, meters, json, projectDir, userAgent, UUID.randomUUID().toString(), clock.instant());
    }
}
