package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graph operators with and without depth, union, intersection and exclusion, and spoke's export:/destination:
 * candidates, on the real dbt-bouncer manifest; expected sets computed from its parent/child maps with python3.
 */
class NodeSelectorGraphTest {
    private static final String PROJECT = "model.dbt_bouncer_test_project.";
    private final ModelSelection bouncer = new ModelSelection(DbtFixtures.manifest("bouncer-v12-duckdb.json"), null);

    @Test
    void plusBeforeAddsAncestorsToTheGivenDepth() {
        assertThat(bouncer.select("+orders")).containsExactlyInAnyOrder("orders", "stg_orders", "stg_payments");
        assertThat(bouncer.select("1+tiktok_ads__ad_report")).containsExactlyInAnyOrder("tiktok_ads__ad_report",
                "stg_tiktok_ads__ad_group_history", "stg_tiktok_ads__ad_history", "stg_tiktok_ads__ad_report_hourly",
                "stg_tiktok_ads__advertiser", "stg_tiktok_ads__campaign_history");
        assertThat(bouncer.select("2+tiktok_ads__ad_report")).hasSize(11)
                .contains("stg_tiktok_ads__ad_history_tmp", "stg_tiktok_ads__campaign_history_tmp");
        assertThat(bouncer.select("+tiktok_ads__ad_report")).hasSize(11);
    }

    @Test
    void plusAfterAddsDescendantsToTheGivenDepth() {
        assertThat(bouncer.select("orders+")).containsExactly("orders");
        assertThat(bouncer.select("stg_orders+1")).containsExactlyInAnyOrder("stg_orders", "orders", "py_order_stats",
                "customers.v1", "customers.v2", "customers.v3");
        assertThat(bouncer.select("stg_tiktok_ads__ad_history_tmp+1")).containsExactlyInAnyOrder(
                "stg_tiktok_ads__ad_history_tmp", "stg_tiktok_ads__ad_history");
        assertThat(bouncer.select("stg_tiktok_ads__ad_history_tmp+")).containsExactlyInAnyOrder(
                "stg_tiktok_ads__ad_history_tmp", "stg_tiktok_ads__ad_history", "tiktok_ads__ad_report",
                "tiktok_ads__advertiser_report", "tiktok_ads__url_report");
        assertThat(bouncer.select("+stg_orders+")).containsExactlyInAnyOrder("stg_orders", "orders", "py_order_stats",
                "customers.v1", "customers.v2", "customers.v3");
    }

    @Test
    void atAddsDescendantsAndEveryAncestorOfThem() {
        assertThat(bouncer.select("@stg_orders")).containsExactlyInAnyOrder("stg_orders", "orders", "py_order_stats",
                "customers.v1", "customers.v2", "customers.v3", "stg_customers", "stg_payments");
    }

    @Test
    void spacesUniteCommasIntersectAndExcludeRemoves() {
        assertThat(bouncer.select("tag:crm orders")).containsExactlyInAnyOrder(
                "stg_orders", "stg_customers", "stg_raw_orders_for_snapshot", "orders");
        assertThat(bouncer.select("tag:crm", "orders")).hasSize(4);
        assertThat(bouncer.select("tag:crm,config.materialized:view"))
                .containsExactlyInAnyOrder("stg_orders", "stg_customers");
        assertThat(bouncer.select("+orders,tag:crm")).containsExactly("stg_orders");
        assertThat(bouncer.selectExcluding(List.of("marts"), List.of("customers.v1 customers.v2")))
                .containsExactlyInAnyOrder("orders", "customers.v3");
        assertThat(bouncer.selectExcluding(List.of(), List.of("package:tiktok_ads package:internal_package")))
                .hasSize(14);
        assertThat(bouncer.selectExcluding(List.of("+orders"), List.of("orders+"))).hasSize(2);
    }

    @Test
    void noSelectSelectsEveryCandidateInTheOrderGiven() {
        Selection all = bouncer.evaluate(List.of(), List.of());

        assertThat(all.selected()).isEqualTo(bouncer.candidates);
        assertThat(all.warnings()).isEmpty();
    }

    @Test
    void selectorsThatMatchNothingAreReportedNotFailed() {
        Selection selection = bouncer.evaluate(List.of("orders tag:nope", "fqn:missing+"), List.of("tag:nothing"));

        assertThat(bouncer.names(selection.selected())).containsExactly("orders");
        assertThat(selection.unmatchedSelect()).containsExactly("tag:nope", "fqn:missing+");
        assertThat(selection.unmatchedExclude()).containsExactly("tag:nothing");
        assertThat(selection.warnings()).containsExactly("--select 'tag:nope' matched nothing",
                "--select 'fqn:missing+' matched nothing", "--exclude 'tag:nothing' matched nothing");
    }

    @Test
    void exportAndDestinationMatchCandidatesAndTheirGraphAddsOtherModelsCandidates() {
        Selectable ordersToCrm = Selectable.export(PROJECT + "orders", "orders_crm", "hubspot");
        Selectable ordersToHook = Selectable.export(PROJECT + "orders", "orders_hook", "support_webhook");
        Selectable stgOrdersToFile = Selectable.export(PROJECT + "stg_orders", "stg_orders_file", "archive");
        Selectable customersToCrm = Selectable.export(PROJECT + "customers.v3", "customers_crm", "hubspot");
        Selectable stgCustomersToCrm = Selectable.export(PROJECT + "stg_customers", "stg_customers_crm", "hubspot");
        List<Selectable> exports = List.of(ordersToCrm, ordersToHook, stgOrdersToFile, customersToCrm,
                stgCustomersToCrm);

        assertThat(select(exports, "export:orders_*")).containsExactly(ordersToCrm, ordersToHook);
        assertThat(select(exports, "destination:hubspot"))
                .containsExactly(ordersToCrm, customersToCrm, stgCustomersToCrm);
        assertThat(select(exports, "destination:hub*,export:customers_*")).containsExactly(customersToCrm);
        assertThat(select(exports, "destination:hubspot,tag:crm")).containsExactly(stgCustomersToCrm);
        // The export matched stays exact (not orders_hook); the ancestors' exports come along.
        assertThat(select(exports, "+export:orders_crm")).containsExactly(ordersToCrm, stgOrdersToFile);
        assertThat(select(exports, "export:stg_customers_crm+")).containsExactly(customersToCrm, stgCustomersToCrm);
        // A model selector selects every export of the model.
        assertThat(select(exports, "orders")).containsExactly(ordersToCrm, ordersToHook);
        assertThat(NodeSelector.select(bouncer.manifest, exports, List.of("marts"), List.of("destination:hubspot"),
                null)).containsExactly(ordersToHook);
    }

    @Test
    void candidatesOfUnknownModelsAreOnlyMatchedByTheirAttributes() {
        Selectable ghost = Selectable.export("model.gone.ghost", "ghost_export", "hubspot");

        assertThat(select(List.of(ghost), "ghost")).isEmpty();
        assertThat(select(List.of(ghost), "export:ghost_export+")).containsExactly(ghost);
    }

    private List<Selectable> select(List<Selectable> candidates, String selector) {
        return NodeSelector.select(bouncer.manifest, candidates, List.of(selector), List.of(), null);
    }
}
