package dev.spoke.report.progress;

import static java.util.Objects.requireNonNull;

import dev.spoke.report.RunLog;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.LiveExport;
import dev.spoke.sync.SyncObserver;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Draws the running export's progress line on a terminal's stderr, redrawn in place ({@code \r}, then erase to the end
 * of the line) a few times a second, and erased when the export ends. Log lines written through {@link #wrap(RunLog)}
 * erase the line first and redraw it after, so the two never garble each other. Use only when stderr is a terminal
 * ({@link Terminal}); otherwise the run uses {@link SyncObserver#NONE}.
 */
public final class ProgressDisplay implements SyncObserver, AutoCloseable {
    static final Duration REDRAW_EVERY = Duration.ofMillis(200);
    private static final String ERASE_TO_END = "\u001b[K";

    private final PrintStream err;
    private final Clock clock;
    private final ScheduledExecutorService redraws;
    private LiveExport current;
    private Instant startedAt;
    private boolean drawn;

    public ProgressDisplay(PrintStream err, Clock clock) {
        this.err = requireNonNull(err, "err is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.redraws = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "spoke-progress");
            thread.setDaemon(true);
            return thread;
        });
        redraws.scheduleAtFixedRate(this::redraw, REDRAW_EVERY.toMillis(), REDRAW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Totals make the line say "of N" and give an ETA; the engine counts them only where that is cheap. */
    @Override
    public boolean wantsTotals() {
        return true;
    }

    @Override
    public void exportStarted(LiveExport export) {
        synchronized (err) {
            current = export;
            startedAt = clock.instant();
            draw();
        }
    }

    @Override
    public void exportFinished(ExportResult result) {
        synchronized (err) {
            if (current != null && current.exportId().equals(result.exportId())) {
                draw();
                erase();
                current = null;
            }
        }
    }

    /** A log that erases the progress line before each line it writes and redraws it after. */
    public RunLog wrap(RunLog log) {
        requireNonNull(log, "log is null");
        return (level, event, message, fields) -> {
            synchronized (err) {
                erase();
                log.log(level, event, message, fields);
                if (current != null) {
                    draw();
                }
            }
        };
    }

    @Override
    public void close() {
        redraws.shutdownNow();
        synchronized (err) {
            erase();
            current = null;
        }
    }

    private void redraw() {
        synchronized (err) {
            if (current != null) {
                draw();
            }
        }
    }

    private void draw() {
        String line = ProgressLine.render(current.modelName() + " -> " + current.destination(), current.done(),
                current.total(), Duration.between(startedAt, clock.instant()));
        err.print("\r" + line + ERASE_TO_END);
        err.flush();
        drawn = true;
    }

    private void erase() {
        if (drawn) {
            err.print("\r" + ERASE_TO_END);
            err.flush();
            drawn = false;
        }
    }
}
