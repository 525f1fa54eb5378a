package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.ExitCode;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.TestProject;
import dev.spoke.sync.ExportPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "done when", what is refused and what is recorded, on the backend a subclass picks: rows a destination
 * rejects (one by one, or a batch refused with 422) are reported, logged in sync_log and sent again alone; NULL and
 * duplicate keys are reported invalid and never sent; plan and state show change no state; state show and reset.
 */
abstract class RefusalsAndStateContract extends SyncScenario {
    @Test
    void rowsTheDestinationRejectsAreLoggedAndSentAgainNextRunAlone() {
        CustomerTable customers = new CustomerTable(warehouse, "rejected").create(ROWS);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        Map<String, String> reasons = Map.of("7", "unknown customer 7", "4321", "email bounced", "9876", "locked");
        reasons.forEach(receiver::reject);

        InProcessSpoke.Run first = sync(project);
        assertThat(first.report().exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.result(export).path("status").asText()).isEqualTo("warn");
        assertThat(first.rows(export, "sent")).isEqualTo(ROWS);
        assertThat(first.rows(export, "delivered")).isEqualTo(ROWS - 3);
        assertThat(first.rows(export, "rejected")).isEqualTo(3);
        assertThat(keys(receiver.accepted())).hasSize(ROWS - 3).doesNotContainAnyElementsOf(reasons.keySet());
        assertThat(errors(first.result(export))).containsExactlyInAnyOrder(
                "rejected insert 7: unknown customer 7", "rejected insert 4321: email bounced",
                "rejected insert 9876: locked");
        assertThat(syncLog(project, export, first.report().runId())).containsExactlyInAnyOrder(
                "rejected insert 7: unknown customer 7", "rejected insert 4321: email bounced",
                "rejected insert 9876: locked");
        receiver.reset();

        InProcessSpoke.Run second = sync(project);
        assertSuccess(second, export);
        assertThat(second.rows(export, "delivered")).isEqualTo(3);
        assertThat(keys(receiver.rows())).isEqualTo(reasons.keySet());
        assertArrivedOnce(customers, List.of(7L, 4321L, 9876L), "insert");

        assertThat(sync(project).rows(export, "sent")).isZero();
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void aRejectedDeleteStaysAtTheDestinationUntilADeleteIsAccepted() {
        CustomerTable customers = new CustomerTable(warehouse, "undeleted").create(1_000);
        TestProject project = project(customers, destination("mirror"));
        String export = exportId(customers);
        sync(project);
        receiver.reset().reject("42", "has open invoices");

        customers.delete(List.of(41L, 42L));
        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "removed")).isEqualTo(2);
        assertThat(first.rows(export, "delivered")).isEqualTo(1);
        assertThat(errors(first.result(export))).containsExactly("rejected delete 42: has open invoices");
        assertThat(syncLog(project, export, first.report().runId()))
                .containsExactly("rejected delete 42: has open invoices");
        assertThat(stateRows(project, export)).containsEntry(export, 999L);
        receiver.reset();

        InProcessSpoke.Run second = sync(project);
        assertThat(second.rows(export, "removed")).isEqualTo(1);
        assertThat(receiver.rows()).extracting(row -> row.op() + " " + row.key()).containsExactly("delete 42");
        assertThat(stateRows(project, export)).containsEntry(export, 998L);
    }

    @Test
    void aBatchRefusedWith422IsSplitUntilTheRowAtFaultAloneIsRejected() {
        CustomerTable customers = new CustomerTable(warehouse, "refused").create(1_000);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        receiver.refuseWith422("555", "field email is not valid");

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(first.rows(export, "rejected")).isEqualTo(1);
        assertThat(keys(receiver.accepted())).hasSize(999).doesNotContain("555");
        assertThat(first.result(export).path("errors").get(0).path("key").asText()).isEqualTo("555");
        assertThat(first.result(export).path("errors").get(0).path("reason").asText())
                .contains("422").contains("field email is not valid");
        assertThat(syncLog(project, export, first.report().runId())).singleElement().asString()
                .startsWith("rejected insert 555: ").contains("field email is not valid");
        receiver.reset();

        sync(project);
        assertThat(keys(receiver.rows())).containsExactly("555");
    }

    @Test
    void nullAndDuplicateKeysAreReportedInvalidWithTheirKeysAndNeverSent() {
        CustomerTable customers = new CustomerTable(warehouse, "bad_keys").create(1_000, false);
        customers.execute("INSERT INTO {t} SELECT NULL, email, full_name, score, updated_at, note FROM {t}"
                + " WHERE id = 10");
        customers.execute("INSERT INTO {t} SELECT id, 'twin@example.com', full_name, score, updated_at, note FROM {t}"
                + " WHERE id = 20");
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "invalid")).isEqualTo(3);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(first.result(export).path("status").asText()).isEqualTo("warn");
        assertThat(keys(receiver.rows())).hasSize(999).doesNotContain("20");
        assertThat(errors(first.result(export))).containsExactlyInAnyOrder(
                "invalid insert null: a key column (id) is NULL",
                "invalid insert 20: 2 rows share this key; keys must be unique",
                "invalid insert 20: 2 rows share this key; keys must be unique");
        assertThat(syncLog(project, export, first.report().runId())).containsExactlyInAnyOrder(
                "invalid insert null: a key column (id) is NULL",
                "invalid insert 20: 2 rows share this key; keys must be unique",
                "invalid insert 20: 2 rows share this key; keys must be unique");
        receiver.reset();

        customers.execute("DELETE FROM {t} WHERE id IS NULL OR email = 'twin@example.com'");
        InProcessSpoke.Run fixed = sync(project);
        assertThat(fixed.rows(export, "invalid")).isZero();
        assertArrivedOnce(customers, List.of(20L), "insert");
    }

    @Test
    void planAndStateShowChangeNoStateAndPlanShowsWhatASyncWouldSend() {
        CustomerTable customers = new CustomerTable(warehouse, "planned").create(ROWS);
        TestProject project = project(customers, destination("mirror"));
        String fresh = backend().freshStateSchema(project);
        String export = exportId(customers);

        ExportPlan before = singlePlan(project);
        assertThat(before.error()).isNull();
        assertThat(before.counts().added()).isEqualTo(ROWS);
        assertThat(before.toSend()).isEqualTo(ROWS);
        assertThat(before.samples()).hasSize(3);
        assertThat(spoke.stateShow(project.request())).as("state show before the first sync").isEmpty();
        backend().assertNoStateWasCreated(project, warehouse, fresh);
        assertThat(receiver.messages()).isEmpty();

        sync(project);
        receiver.reset();
        customers.changeEmails(TEN);
        customers.delete(FIVE);
        customers.insert(ROWS + 1, ROWS + 3);
        ExportPlan plan = singlePlan(project);
        assertThat(plan.counts().added()).isEqualTo(3);
        assertThat(plan.counts().changed()).isEqualTo(10);
        assertThat(plan.counts().removed()).isEqualTo(5);
        assertThat(plan.counts().unchanged()).isEqualTo(ROWS - 15);
        assertThat(plan.toSend()).isEqualTo(18);
        assertThat(singlePlan(project).toSend()).as("planning twice plans the same").isEqualTo(18);
        assertThat(receiver.messages()).isEmpty();

        InProcessSpoke.Run run = sync(project);
        assertThat(run.rows(export, "sent")).isEqualTo(18);
        assertThat(receiver.rows()).hasSize(18);
    }

    @Test
    void stateShowListsWhatEachDestinationHasAndResetForgetsIt() {
        CustomerTable customers = new CustomerTable(warehouse, "stated").create(1_000);
        CustomerTable others = new CustomerTable(warehouse, "stated_too").create(10);
        TestProject project = project(customers, destination("mirror"));
        project.manifest().model(others.name(), others.relation(), others.columns(), "id",
                List.of(destination("upsert")));
        project.write();
        String export = exportId(customers);
        sync(project);

        assertThat(stateRows(project, export, exportId(others))).containsOnly(
                Map.entry(export, 1_000L), Map.entry(exportId(others), 10L));
        Map<String, Object> shown = spoke.stateShow(project.request()).stream()
                .filter(row -> export.equals(row.get("export_id"))).findFirst().orElseThrow();
        assertThat(shown).containsEntry("destination", HOOK).containsEntry("mode", "mirror")
                .containsEntry("model", "model.spoke_sample." + customers.name());

        assertThat(spoke.stateReset(project.request("export:" + export))).containsExactly(export);
        assertThat(stateRows(project, export, exportId(others))).containsOnly(
                Map.entry(export, 0L), Map.entry(exportId(others), 10L));
        receiver.reset();

        InProcessSpoke.Run after = sync(project);
        assertThat(after.rows(export, "sent")).isEqualTo(1_000);
        assertThat(after.rows(exportId(others), "sent")).isZero();
        assertThat(keys(receiver.rows())).hasSize(1_000);
    }
}
