package dev.spoke.report.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.LiveExport;
import dev.spoke.sync.RowCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void showsRowsDoneOfTotalRateAndTimeLeft() {
        assertThat(ProgressLine.render("orders -> crm", 1200, OptionalLong.of(5000), Duration.ofSeconds(2)))
                .isEqualTo("orders -> crm  1,200 of 5,000 rows (24%)  600 rows/s  ETA 0:06");
    }

    @Test
    void withoutATotalShowsRowsDoneAndTheRateOnly() {
        assertThat(ProgressLine.render("orders -> crm", 0, OptionalLong.empty(), Duration.ZERO))
                .isEqualTo("orders -> crm  0 rows  0 rows/s");
        assertThat(ProgressLine.clock(3723)).isEqualTo("1:02:03");
    }

    @Test
    void recognisesTerminalDevices() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/spoke.log")).isFalse();
    }

    @Test
    void drawsInPlaceErasesBeforeALogLineAndRedrawsAfterIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressDisplay display = new ProgressDisplay(err, Clock.systemUTC())) {
            display.exportStarted(new LiveExport("orders__crm", "orders", "crm", OptionalLong.of(10),
                    () -> new RowCounts(4, 4, 0, 0, 4, 3, 1, 0, 0)));
            display.wrap((level, event, message, fields) -> err.println(message))
                    .info("export.note", "a log line", Map.of());
            display.exportFinished(new ExportResult("orders__crm", "model.shop.orders", "orders", "crm", "webhook",
                    "upsert", ExportStatus.WARN, null, "", RowCounts.ZERO, List.of(), List.of(), Duration.ZERO));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rorders -> crm  4 of 10 rows (40%)");
        assertThat(out).contains("\r\u001b[Ka log line\n\rorders -> crm  4 of 10 rows");
        assertThat(out).endsWith("\r\u001b[K");
    }
}
