package dev.spoke.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.DestinationException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);

    private static DestinationException classify(int status, String... headers) {
        return HttpFailures.classify(status, Headers.of(headers), "body", CLOCK);
    }

    @Test
    void a429IsThrottlingWithOrWithoutAWait() {
        assertThat(classify(429).kind()).isEqualTo(Kind.THROTTLED);
        assertThat(classify(429).retryAfter()).isEmpty();
        assertThat(classify(429, "Retry-After", "3").retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(classify(429, "x-ratelimit-reset", "1796374810").retryAfter()).contains(Duration.ofSeconds(10));
    }

    @Test
    void a503IsThrottlingOnlyWhenItNamesAWait() {
        assertThat(classify(503, "Retry-After", "Fri, 04 Dec 2026 09:00:05 GMT").kind()).isEqualTo(Kind.THROTTLED);
        assertThat(classify(503, "Retry-After", "Fri, 04 Dec 2026 09:00:05 GMT").retryAfter())
                .contains(Duration.ofSeconds(5));
        assertThat(classify(503).kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void otherServerErrorsAndTimeoutsAreFailuresThatKeepTheWaitTheyName() {
        assertThat(classify(500).kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(classify(502, "Retry-After", "4").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(classify(502, "Retry-After", "4").retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(classify(408).kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void refusalsOfTheContentAndFatalAnswers() {
        assertThat(classify(413).kind()).isEqualTo(Kind.BATCH_REJECTED);
        assertThat(classify(413).httpStatus()).isEqualTo(413);
        assertThat(classify(422).kind()).isEqualTo(Kind.BATCH_REJECTED);
        assertThat(classify(401).kind()).isEqualTo(Kind.FATAL);
        assertThat(classify(410).kind()).isEqualTo(Kind.FATAL);
        assertThat(classify(302, "Location", "https://elsewhere.example").getMessage())
                .contains("redirect to https://elsewhere.example not followed");
    }
}
