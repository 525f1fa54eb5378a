package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 1: a 429 storm. Every batch is throttled twice, first with {@code Retry-After: 1} (delta-seconds), then with
 * an HTTP-date about two seconds ahead; the third attempt is accepted. Measured on the receiver's side, spoke never
 * comes back sooner than asked, and delivers every row. A Retry-After asks the client, not one request, to wait: no
 * other batch is started against the connection until it has passed.
 */
class ThrottlingIT {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void honoursRetryAfterInSecondsAndAsHttpDateThenDeliversEveryRow() {
        FaultProject project = FaultProject.create(dir, 200);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> switch (request.attempt()) {
            case 1 -> Reply.throttled("1");
            case 2 -> Reply.throttled(HTTP_DATE.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2)));
            default -> Reply.ok();
        })) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(50));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 200, 200, 0);
            deliveredExactly(project, receiver, project.allKeys());
            nothingLost(project, run);
            assertThat(run.errors()).isEmpty();

            Map<String, List<ReceivedRequest>> byMessage = receiver.requests().stream()
                    .collect(Collectors.groupingBy(ReceivedRequest::webhookId));
            assertThat(byMessage).as("one message per batch of 50").hasSize(4);
            byMessage.forEach((id, attempts) -> {
                assertThat(attempts).as("attempts of " + id).hasSize(3);
                ReceivedRequest first = attempts.get(0);
                ReceivedRequest second = attempts.get(1);
                ReceivedRequest third = attempts.get(2);
                assertThat(Duration.ofNanos(second.receivedNanos() - first.receivedNanos()))
                        .as("wait after Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                Instant askedUntil = Instant.from(HTTP_DATE.parse(second.reply().headers().get("Retry-After")));
                assertThat(third.receivedAt()).as("retry after Retry-After: " + askedUntil)
                        .isAfterOrEqualTo(askedUntil);
                assertThat(attempts).extracting(ReceivedRequest::body).as("the same body on every attempt")
                        .containsOnly(first.body());
            });
        }
    }

    @Test
    void aRetryAfterHoldsBackEveryRequestToTheConnectionNotOnlyTheRetry() {
        FaultProject project = FaultProject.create(dir, 200);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> request.sequence() == 2
                ? Reply.throttled("1") : Reply.ok())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("requests_per_second", 10));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 200, 200, 0);
            deliveredExactly(project, receiver, project.allKeys());
            List<ReceivedRequest> requests = receiver.requests();
            ReceivedRequest throttled = requests.stream().filter(request -> request.reply().status() == 429)
                    .findFirst().orElseThrow();
            long askedUntil = throttled.receivedNanos() + Duration.ofSeconds(1).toNanos();
            // requests already past the gate when the 429 was being answered may still arrive: allow 300ms for them
            long inFlight = throttled.receivedNanos() + Duration.ofMillis(300).toNanos();
            assertThat(requests).as("requests started after the 429 reached spoke and before its Retry-After ended")
                    .filteredOn(request -> request.receivedNanos() > inFlight && request.receivedNanos() < askedUntil)
                    .isEmpty();
            assertThat(requests).hasSize(21);
        }
    }

    /**
     * The case: 30% of requests throttled with {@code Retry-After: 1}, 20,000 rows, and {@code max_attempts: 1}
     * so that a single throttle counted as an attempt would lose the batch. Every row arrives in one run.
     */
    @Test
    void underThirtyPercentThrottlingEveryRowIsDeliveredInOneRunWithoutSpendingAttempts() {
        FaultProject project = FaultProject.create(dir, 20_000);
        java.util.Random random = new java.util.Random(30);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> {
            synchronized (random) {
                return random.nextDouble() < 0.3 ? Reply.throttled("1") : Reply.ok();
            }
        })) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(1000).delivery("max_attempts", 1));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 20_000, 20_000, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requests()).filteredOn(request -> request.reply().status() == 429)
                    .as("throttled requests, each waited out and sent again").isNotEmpty();
            assertThat(receiver.requests()).filteredOn(request -> request.attempt() > 1)
                    .as("resends beyond max_attempts: 1").isNotEmpty();
        }
    }
}
