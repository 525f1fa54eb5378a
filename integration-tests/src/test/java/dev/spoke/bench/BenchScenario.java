package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs measured for one warehouse and one table size, in order: the bulk export (baseline); a full sync to the
 * receiver (state included); a full sync to a JSON Lines file; a no-change rerun; a rerun after 1% of the rows
 * changed; a full mirror sync, then a mirror run after 1% of the rows were deleted. Every spoke run's row counts are
 * checked, so a fast run that sent the wrong rows fails the benchmark.
 */
final class BenchScenario {
    private final BenchDatabase database;
    private final long rows;
    private final Path projectDir;
    private final String receiverUrl;
    private final Path sampleManifest;
    private final SpokeRun spoke;

    BenchScenario(BenchDatabase database, long rows, Path projectDir, String receiverUrl, Path sampleManifest,
            SpokeRun spoke) {
        this.database = requireNonNull(database, "database is null");
        this.rows = rows;
        this.projectDir = requireNonNull(projectDir, "projectDir is null");
        this.receiverUrl = requireNonNull(receiverUrl, "receiverUrl is null");
        this.sampleManifest = requireNonNull(sampleManifest, "sampleManifest is null");
        this.spoke = requireNonNull(spoke, "spoke is null");
    }

    List<Measurement> run() {
        List<Measurement> measured = new ArrayList<>();
        progress("building the table");
        database.create(rows);
        BenchProject.write(projectDir, database, receiverUrl, sampleManifest);

        progress("bulk export (baseline)");
        measured.add(new Measurement(database.adapter(), rows, baselineName(), Measurement.Kind.BASELINE, rows,
                database.bulkExport(), Optional.empty()));

        SpokeRun.Result full = sync(BenchProject.WEBHOOK_EXPORT, "full-webhook");
        expect(full, "added", rows);
        expect(full, "delivered", rows);
        measured.add(measurement("full sync -> webhook", Measurement.Kind.FULL_SYNC, full));

        SpokeRun.Result file = sync(BenchProject.FILE_EXPORT, "full-file");
        expect(file, "delivered", rows);
        measured.add(measurement("full sync -> file", Measurement.Kind.OTHER_FULL_SYNC, file));
        deleteOutput();

        SpokeRun.Result unchanged = sync(BenchProject.WEBHOOK_EXPORT, "no-change");
        expect(unchanged, "sent", 0);
        measured.add(measurement("no-change rerun -> webhook", Measurement.Kind.NO_CHANGE, unchanged));

        long changedRows = database.changeOnePercent();
        SpokeRun.Result changed = sync(BenchProject.WEBHOOK_EXPORT, "changed");
        expect(changed, "changed", changedRows);
        expect(changed, "sent", changedRows);
        measured.add(measurement("1% changed rerun -> webhook", Measurement.Kind.CHANGED, changed));

        SpokeRun.Result mirrorFull = sync(BenchProject.MIRROR_EXPORT, "full-mirror");
        expect(mirrorFull, "delivered", rows);
        measured.add(measurement("full sync -> webhook, mirror mode", Measurement.Kind.OTHER_FULL_SYNC, mirrorFull));

        long deletedRows = database.deleteOnePercent();
        SpokeRun.Result deleted = sync(BenchProject.MIRROR_EXPORT, "deleted");
        expect(deleted, "removed", deletedRows);
        expect(deleted, "sent", deletedRows);
        measured.add(measurement("1% deleted mirror run -> webhook", Measurement.Kind.DELETED, deleted));
        return measured;
    }

    private String baselineName() {
        return database.adapter().equals("postgres") ? "COPY (SELECT ...) TO STDOUT (baseline)"
                : "COPY (SELECT ...) TO 'file.csv' (baseline)";
    }

    private SpokeRun.Result sync(String exportId, String name) {
        progress(name);
        SpokeRun.Result result = spoke.sync(projectDir, exportId, database.adapter() + "-" + rows + "-" + name);
        System.out.printf("[bench]   %.2f s, peak RSS %d MB%n", result.wall().toNanos() / 1e9,
                result.memory().peakRssKb() / 1024);
        return result;
    }

    private Measurement measurement(String name, Measurement.Kind kind, SpokeRun.Result result) {
        return new Measurement(database.adapter(), rows, name, kind, result.count("sent"), result.wall(),
                Optional.of(result.memory()));
    }

    private void expect(SpokeRun.Result result, String count, long expected) {
        if (result.count(count) != expected) {
            throw new IllegalStateException(database.adapter() + " " + rows + " rows: expected " + count + " = "
                    + expected + " but the run results say " + result.rows());
        }
    }

    private void deleteOutput() {
        try (var files = Files.list(projectDir.resolve("out"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(String step) {
        System.out.println("[bench] " + database.adapter() + " " + rows + " rows: " + step);
    }
}
