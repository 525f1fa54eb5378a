package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.ExitCode;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.WebhookReceiver;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.SkipReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one export exclude each other (ADR 0003): a second {@code spoke sync} while one runs is refused with
 * exit code 4 and a message naming the run that holds the export; a lock whose run stopped beating is taken over,
 * one that is alive elsewhere is not. (A lock left by a run killed on this host: {@link CrashSafetyIT}.)
 */
class RunLockIT {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @TempDir
    Path dir;

    private final PostgresWarehouse warehouse = new PostgresWarehouse(SCHEMA);
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aSecondSyncWhileOneRunsIsRefusedWithExitCode4() throws InterruptedException {
        CustomerTable customers = new CustomerTable(warehouse, "busy").create(2_000);
        TestProject project = project(customers, dir.resolve("project"));
        String export = customers.name() + "__hook";
        SpokeCli cli = new SpokeCli(dir);
        receiver.holdAfter(1);

        SpokeCli.Running first = cli.start(project.cli("sync"));
        assertThat(receiver.awaitMessages(2, Duration.ofSeconds(60))).as(first.stderrSoFar()).isTrue();
        SpokeCli.Result second = cli.run(project.cli("sync"));
        JsonNode refused = project.runResults().path("results").get(0);
        receiver.release();
        SpokeCli.Result firstEnd = first.await(Duration.ofSeconds(120));

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.LOCKED.code());
        assertThat(second.stdout()).contains(customers.name() + " -> hook").contains("skipped")
                .contains("locked: export " + export + " is being synced by run ");
        assertThat(refused.path("status").asText()).isEqualTo("skipped");
        assertThat(refused.path("skip_reason").asText()).isEqualTo("locked");
        assertThat(refused.path("rows").path("sent").asLong()).isZero();
        assertThat(firstEnd.exitCode()).as(firstEnd.toString()).isZero();
        assertThat(receiver.keys()).as("the refused run sent nothing: every row arrived once").hasSize(2_000)
                .doesNotHaveDuplicates();
        assertThat(warehouse.count("SELECT count(*) FROM " + warehouse.quoted(SCHEMA.name()) + ".locks")).isZero();
    }

    @Test
    void aLockWhoseHeartbeatStoppedIsTakenOverAndALiveOneIsNot() {
        CustomerTable customers = new CustomerTable(warehouse, "abandoned").create(100);
        TestProject project = project(customers, dir.resolve("project"));
        String export = customers.name() + "__hook";
        InProcessSpoke spoke = new InProcessSpoke();
        spoke.sync(project.request());
        customers.changeEmails(List.of(1L, 2L));
        receiver.reset();
        String locks = warehouse.quoted(SCHEMA.name()) + ".locks";

        warehouse.execute("INSERT INTO " + locks + " VALUES ('" + export + "', 'run-elsewhere', 'another-host:4242',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        InProcessSpoke.Run blocked = spoke.sync(project.request());
        assertThat(blocked.report().exitCode()).isEqualTo(ExitCode.LOCKED);
        assertThat(blocked.report().results().get(0).status()).isEqualTo(ExportStatus.SKIPPED);
        assertThat(blocked.report().results().get(0).skipReason()).isEqualTo(SkipReason.LOCKED);
        assertThat(blocked.report().results().get(0).message())
                .contains("run-elsewhere").contains("another-host:4242");
        assertThat(receiver.messages()).isEmpty();

        warehouse.execute("UPDATE " + locks + " SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '5 minutes'");
        InProcessSpoke.Run recovered = spoke.sync(project.request());
        assertThat(recovered.report().exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(spoke.log()).anyMatch(line -> line.contains("recovered the lock of " + export
                + " left by run run-elsewhere"));
        assertThat(receiver.keys()).containsExactlyInAnyOrder("1", "2");
        assertThat(warehouse.count("SELECT count(*) FROM " + locks)).isZero();
    }

    private TestProject project(CustomerTable customers, Path projectDir) {
        TestProject project = new TestProject(projectDir, warehouse)
                .webhook("hook", receiver, Map.of("batch_size", 100));
        project.manifest().model(customers.name(), customers.relation(), customers.columns(), "id",
                List.of(SyncScenario.destination("upsert")));
        return project.write();
    }
}
