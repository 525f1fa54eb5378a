package dev.spoke.report.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.ExitCode;
import dev.spoke.delivery.RequestOutcome;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.PhaseTiming;
import dev.spoke.sync.RowCounts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SyncMetrics metrics = new SyncMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void rowCountsComeFromTheExportResultExactly() {
        metrics.exportFinished(result(new RowCounts(12, 7, 3, 1, 11, 8, 2, 1, 1)));

        String text = registry.scrape();
        assertThat(text)
                .contains("spoke_rows_read_total{destination=\"crm\",export=\"orders__crm\"} 12.0")
                .contains("spoke_rows_added_total{destination=\"crm\",export=\"orders__crm\"} 7.0")
                .contains("spoke_rows_changed_total{destination=\"crm\",export=\"orders__crm\"} 3.0")
                .contains("spoke_rows_removed_total{destination=\"crm\",export=\"orders__crm\"} 1.0")
                .contains("spoke_rows_sent_total{destination=\"crm\",export=\"orders__crm\"} 11.0")
                .contains("spoke_rows_delivered_total{destination=\"crm\",export=\"orders__crm\"} 8.0")
                .contains("spoke_rows_rejected_total{destination=\"crm\",export=\"orders__crm\"} 2.0")
                .contains("spoke_rows_deferred_total{destination=\"crm\",export=\"orders__crm\"} 1.0")
                .contains("spoke_rows_invalid_total{destination=\"crm\",export=\"orders__crm\"} 1.0")
                .contains("spoke_phase_duration_seconds_sum{destination=\"crm\",export=\"orders__crm\",phase=\"deliver\"} 2.0")
                .contains("spoke_export_status{destination=\"crm\",export=\"orders__crm\",status=\"warn\"} 1.0")
                .contains("spoke_export_status{destination=\"crm\",export=\"orders__crm\",status=\"success\"} 0.0");
    }

    @Test
    void requestsAreCountedByOutcomeAndStatusClassWithTheirLatency() {
        metrics.requestCompleted("crm", "orders__crm", RequestOutcome.SUCCEEDED, -1, Duration.ofMillis(40));
        metrics.requestCompleted("crm", "orders__crm", RequestOutcome.THROTTLED, 429, Duration.ofMillis(10));
        metrics.requestCompleted("crm", "orders__crm", RequestOutcome.FAILED, 503, Duration.ofMillis(10));
        metrics.requestCompleted("crm", "orders__crm", RequestOutcome.FAILED, -1, Duration.ofMillis(10));
        metrics.retryScheduled("crm", "orders__crm", 1, Duration.ofSeconds(1), "HTTP 429");
        metrics.rateLimitWaited("crm", "orders__crm", Duration.ofMillis(250));
        metrics.batchBisected("crm", "orders__crm", 10, "HTTP 422");
        metrics.runFinished(ExitCode.PARTIAL_FAILURE, Duration.ofSeconds(3));

        String text = registry.scrape();
        assertThat(text)
                .contains("spoke_requests_total{destination=\"crm\",export=\"orders__crm\",outcome=\"succeeded\",status_class=\"2xx\"} 1.0")
                .contains("spoke_requests_total{destination=\"crm\",export=\"orders__crm\",outcome=\"throttled\",status_class=\"4xx\"} 1.0")
                .contains("spoke_requests_total{destination=\"crm\",export=\"orders__crm\",outcome=\"failed\",status_class=\"5xx\"} 1.0")
                .contains("spoke_requests_total{destination=\"crm\",export=\"orders__crm\",outcome=\"failed\",status_class=\"none\"} 1.0")
                .contains("spoke_request_duration_seconds_count{destination=\"crm\",export=\"orders__crm\"} 4")
                .contains("spoke_retries_total{destination=\"crm\",export=\"orders__crm\"} 1.0")
                .contains("spoke_rate_limit_wait_seconds_sum{destination=\"crm\",export=\"orders__crm\"} 0.25")
                .contains("spoke_batch_bisections_total{destination=\"crm\",export=\"orders__crm\"} 1.0")
                .contains("spoke_run_exit_code 1.0")
                .contains("spoke_run_duration_seconds 3.0")
                .contains("spoke_run_finished_timestamp_seconds 1.7958564E9");
    }

    private static ExportResult result(RowCounts rows) {
        return new ExportResult("orders__crm", "model.shop.orders", "orders", "crm", "webhook", "upsert",
                ExportStatus.WARN, null, "8 of 11 rows delivered", rows, List.of(),
                List.of(new PhaseTiming("plan", NOW, NOW.plusSeconds(1)),
                        new PhaseTiming("deliver", NOW.plusSeconds(1), NOW.plusSeconds(3))),
                Duration.ofSeconds(3));
    }
}
