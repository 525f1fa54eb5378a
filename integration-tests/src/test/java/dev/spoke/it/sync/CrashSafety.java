package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.ReceivedMessage;
import dev.spoke.it.support.ReceivedRow;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import dev.spoke.it.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with {@code kill -9} part way loses nothing and repeats little (ADR 0003): the CLI jar sends to a
 * receiver that confirms some batches and then stops answering; once the confirmed batches are committed the process
 * is killed; the next run recovers the lock the dead run left, sends every row not confirmed, repeats only the
 * batches that were in flight, and repeats them with the same idempotency keys (and, for the same batch, the same
 * webhook-id).
 */
abstract class CrashSafety {
    private static final int ROWS = 3_000;
    private static final int BATCH = 100;
    private static final int CONFIRMED_BATCHES = 5;

    @TempDir
    Path dir;

    TestWarehouse warehouse;
    private WebhookReceiver receiver;

    /** The warehouse of one test. */
    abstract TestWarehouse warehouse(Path testDir);

    /**
     * Waits until the state store holds {@code rows} rows in the snapshot table: the answered batches are committed.
     * Only needed when several batches are sent at once: with one at a time, the next batch leaves only after the
     * previous one was committed.
     */
    abstract void awaitCommitted(String schema, String snapshotTable, long rows) throws InterruptedException;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        warehouse = warehouse(dir);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void oneBatchAtATimeTheNextRunResendsExactlyTheBatchInFlightUnderTheSameWebhookId() throws InterruptedException {
        Crash crash = crash("one_at_a_time", 1);

        assertThat(crash.inFlight()).as("one request at a time: one batch in flight").hasSize(1);
        ReceivedMessage inFlight = crash.inFlight().get(0);
        Set<String> repeated = crash.repeatedKeys();
        assertThat(repeated).isEqualTo(keysOf(List.of(inFlight)));
        ReceivedMessage resent = crash.secondRun().get(0);
        assertThat(keysOf(List.of(resent))).as("the next run starts with the batch that was in flight")
                .isEqualTo(keysOf(List.of(inFlight)));
        assertThat(resent.webhookId()).isEqualTo(inFlight.webhookId());
        assertThat(resent.idempotencyKeyHeader()).isEqualTo(inFlight.idempotencyKeyHeader());
    }

    /** Runs, kills and reruns; checks what every crash must satisfy; returns what each run sent. */
    Crash crash(String table, int concurrency) throws InterruptedException {
        CustomerTable customers = new CustomerTable(warehouse, table).create(ROWS);
        TestProject project = new TestProject(dir.resolve("project"), warehouse)
                .webhook("hook", receiver, Map.of("batch_size", BATCH,
                        "rate_limit", Map.of("concurrency", concurrency)));
        project.manifest().model(customers.name(), customers.relation(), customers.columns(), "id",
                List.of(SyncScenario.destination("upsert")));
        project.write();
        String export = customers.name() + "__hook";
        String schema = warehouse.quoted(project.stateSchema());
        SpokeCli cli = new SpokeCli(dir);
        receiver.holdAfter(CONFIRMED_BATCHES);

        SpokeCli.Running first = cli.start(project.cli("sync"));
        assertThat(receiver.awaitMessages(CONFIRMED_BATCHES + concurrency, Duration.ofSeconds(60)))
                .as(first.stderrSoFar()).isTrue();
        awaitCommitted(project.stateSchema(), "snapshot_" + export, CONFIRMED_BATCHES * BATCH);
        first.kill();
        List<ReceivedMessage> firstRun = receiver.messages();
        Map<ReceivedMessage, Integer> answered = new HashMap<>();
        firstRun.forEach(message -> answered.put(message, message.status()));
        assertThat(warehouse.count("SELECT count(*) FROM " + schema + ".locks WHERE lock_key = '" + export + "'"))
                .as("the killed run left its lock").isEqualTo(1);
        assertThat(warehouse.count("SELECT count(*) FROM " + schema + "." + warehouse.quoted("snapshot_" + export)))
                .as("the confirmed batches survived kill -9, and nothing else was recorded")
                .isEqualTo(CONFIRMED_BATCHES * BATCH);
        receiver.reset();

        SpokeCli.Result second = cli.run(project.cli("sync"));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stderr()).contains("recovered the lock of " + export);
        List<ReceivedMessage> secondRun = receiver.messages();

        List<ReceivedMessage> confirmed = firstRun.stream().filter(m -> answered.get(m) == 200).toList();
        List<ReceivedMessage> inFlight = firstRun.stream().filter(m -> answered.get(m) == 0).toList();
        assertThat(confirmed).hasSize(CONFIRMED_BATCHES);
        Set<String> delivered = new HashSet<>(keysOf(confirmed));
        delivered.addAll(keysOf(secondRun));
        assertThat(delivered).as("every row ends delivered").hasSize(ROWS);
        assertThat(keysOf(secondRun)).as("no confirmed row is sent again").doesNotContainAnyElementsOf(
                keysOf(confirmed));
        assertThat(secondRun.stream().mapToInt(m -> m.rows().size()).sum()).as("each row once in the second run")
                .isEqualTo(keysOf(secondRun).size());

        Map<String, String> firstKeys = new LinkedHashMap<>();
        firstRun.forEach(message -> message.rows().forEach(row -> firstKeys.put(row.key(), row.idempotencyKey())));
        Set<String> repeated = keysOf(secondRun).stream().filter(firstKeys::containsKey).collect(Collectors.toSet());
        for (ReceivedMessage message : secondRun) {
            for (ReceivedRow row : message.rows()) {
                if (repeated.contains(row.key())) {
                    assertThat(row.idempotencyKey()).as("idempotency key of repeated row %s", row.key())
                            .isEqualTo(firstKeys.get(row.key()));
                }
            }
        }
        System.out.printf("CRASH %s: %d batches confirmed, %d in flight at kill -9, %d rows repeated of %d%n",
                table, confirmed.size(), inFlight.size(), repeated.size(), ROWS);
        return new Crash(inFlight, secondRun, repeated);
    }

    static Set<String> keysOf(List<ReceivedMessage> messages) {
        return messages.stream().flatMap(m -> m.rows().stream()).map(ReceivedRow::key)
                .collect(Collectors.toSet());
    }

    record Crash(List<ReceivedMessage> inFlight, List<ReceivedMessage> secondRun,
            Set<String> repeatedKeys) {
    }
}
