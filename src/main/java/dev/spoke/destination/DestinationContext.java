package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
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
 */
public record DestinationContext(
        OkHttpClient http, Clock clock, MeterRegistry meters, ObjectMapper json, Path projectDir, String userAgent) {
    public DestinationContext {
        requireNonNull(http, "http is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(meters, "meters is null");
        requireNonNull(json, "json is null");
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(userAgent, "userAgent is null");
    }
}
