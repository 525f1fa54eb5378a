package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each selection method on the real dbt-bouncer manifest (dbt 1.11, 39 models in three packages); expected sets were
 * computed from the file with python3 (a port of dbt's fqn matching and graph walks).
 */
class NodeSelectorMethodsTest {
    private final ModelSelection bouncer = new ModelSelection(
            DbtFixtures.manifest("bouncer-v12-duckdb.json"),
            RunResultsReader.read(DbtFixtures.path("run_results/bouncer-v6-duckdb.json"), warning -> {}));

    @Test
    void aBareNameSelectsTheModelAndEveryVersionOfAVersionedOne() {
        assertThat(bouncer.select("orders")).containsExactly("orders");
        assertThat(bouncer.select("customers"))
                .containsExactlyInAnyOrder("customers.v1", "customers.v2", "customers.v3");
        assertThat(bouncer.select("customers.v2")).containsExactly("customers.v2");
        assertThat(bouncer.select("customers_v2")).containsExactly("customers.v2");
        assertThat(bouncer.select("fqn:customers.v3")).containsExactly("customers.v3");
    }

    @Test
    void aBareWordMatchesAnFqnPrefixAsDbtDoes() {
        assertThat(bouncer.select("marts"))
                .containsExactlyInAnyOrder("orders", "customers.v1", "customers.v2", "customers.v3");
        // The project's models/staging and the tiktok_ads package's models/staging.
        assertThat(bouncer.select("staging")).hasSize(22);
        assertThat(bouncer.select("dbt_bouncer_test_project.staging.crm"))
                .containsExactlyInAnyOrder("stg_orders", "stg_customers", "stg_raw_orders_for_snapshot");
        assertThat(bouncer.select("tiktok_ads")).hasSize(24);
    }

    @Test
    void fqnWildcardsMatchTheRestOfTheName() {
        assertThat(bouncer.select("fqn:dbt_bouncer_test_project.staging.crm.*"))
                .containsExactlyInAnyOrder("stg_orders", "stg_customers", "stg_raw_orders_for_snapshot");
        assertThat(bouncer.select("fqn:*")).hasSize(39);
        assertThat(bouncer.select("fqn:staging.tmp.*_location_tmp")).containsExactly("stg_tiktok_ads__location_tmp");
    }

    @Test
    void tagMatchesWithGlobs() {
        assertThat(bouncer.select("tag:crm"))
                .containsExactlyInAnyOrder("stg_orders", "stg_customers", "stg_raw_orders_for_snapshot");
        assertThat(bouncer.select("tag:c?m")).hasSize(3);
        assertThat(bouncer.select("tag:finance")).isEmpty();
        assertThat(bouncer.select("tag:[z-a]")).isEmpty();
    }

    @Test
    void pathMatchesDirectoriesFilesGlobsAndPropertiesFiles() {
        assertThat(bouncer.select("path:models/staging/crm"))
                .containsExactlyInAnyOrder("stg_orders", "stg_customers", "stg_raw_orders_for_snapshot");
        assertThat(bouncer.select("path:./models/staging/crm/")).hasSize(3);
        assertThat(bouncer.select("models/staging/crm")).hasSize(3);
        assertThat(bouncer.select("path:models/marts/finance/customers_v2.sql")).containsExactly("customers.v2");
        assertThat(bouncer.select("path:models/*/crm/stg_*.sql")).hasSize(3);
        assertThat(bouncer.select("path:models/utilities/**")).containsExactlyInAnyOrder(
                "metricflow_time_spine", "py_order_stats");
        assertThat(bouncer.select("path:models/marts/finance/_finance__models.yml"))
                .containsExactlyInAnyOrder("orders", "customers.v1", "customers.v2", "customers.v3");
        // Package models' paths are relative to their package, as in dbt.
        assertThat(bouncer.select("path:models/staging")).hasSize(22);
    }

    @Test
    void fileMatchesTheFileNameWithOrWithoutExtension() {
        assertThat(bouncer.select("file:orders.sql")).containsExactly("orders");
        assertThat(bouncer.select("file:customers_v1")).containsExactly("customers.v1");
        assertThat(bouncer.select("py_order_stats.py")).containsExactly("py_order_stats");
    }

    @Test
    void packageMatchesWithGlobsAndThisIsTheRootProject() {
        assertThat(bouncer.select("package:tiktok_ads")).hasSize(24);
        assertThat(bouncer.select("package:this")).hasSize(14);
        assertThat(bouncer.select("package:internal_*")).containsExactly("model_1");
    }

    @Test
    void configComparesAnyKeyIncludingNestedOnesAndBooleans() {
        assertThat(bouncer.select("config.materialized:incremental")).containsExactly("int_incremental");
        assertThat(bouncer.select("config.materialized:ephemeral"))
                .containsExactlyInAnyOrder("stg_raw_orders_for_snapshot", "int_model_1", "int_disabled_model");
        assertThat(bouncer.select("config.contract.enforced:TRUE"))
                .containsExactlyInAnyOrder("orders", "customers.v1", "customers.v2", "customers.v3");
        assertThat(bouncer.select("config.access:public")).hasSize(4);
        assertThat(bouncer.select("config.meta.maturity:gold")).hasSize(9);
        assertThat(bouncer.select("config.tags:crm")).hasSize(3);
        assertThat(bouncer.select("config.no_such_key:x")).isEmpty();
    }

    @Test
    void resourceTypeModelIsEveryModelAndOtherTypesStartTheGraph() {
        assertThat(bouncer.select("resource_type:model")).hasSize(39);
        assertThat(bouncer.select("resource_type:seed")).isEmpty();
        assertThat(bouncer.select("resource_type:seed+1"))
                .containsExactlyInAnyOrder(
                        "stg_customers", "stg_orders", "stg_payments", "stg_raw_orders_for_snapshot");
    }

    @Test
    void resultMatchesTheStatusOfDbtsLastRun() {
        assertThat(bouncer.select("result:success")).hasSize(11).contains("orders", "customers.v3")
                .doesNotContain("int_model_1", "model_1");
        assertThat(bouncer.select("result:error")).isEmpty();

        ModelSelection fusion = new ModelSelection(DbtFixtures.manifest("bouncer-v12-duckdb-fusion2.json"),
                RunResultsReader.read(DbtFixtures.path("run_results/bouncer-v6-duckdb-fusion2.json"), w -> {}));
        assertThat(fusion.select("result:skipped"))
                .containsExactlyInAnyOrder("int_disabled_model", "int_model_1", "stg_raw_orders_for_snapshot");
        assertThat(fusion.select("result:skipped+")).hasSize(3);
    }

    @Test
    void versionSelectsLatestOldAndUnversionedModels() {
        assertThat(bouncer.select("version:latest")).containsExactly("customers.v3");
        assertThat(bouncer.select("version:old")).containsExactlyInAnyOrder("customers.v1", "customers.v2");
        assertThat(bouncer.select("version:prerelease")).isEmpty();
        assertThat(bouncer.select("version:none")).hasSize(36);
    }

    @Test
    void sourceExposureAndMetricStartFromTheirNodes() {
        assertThat(bouncer.select("source:dummy_source+")).containsExactlyInAnyOrder(
                "stg_customers", "customers.v1", "customers.v2", "customers.v3");
        assertThat(bouncer.select("source:dbt_bouncer_test_project.dummy_source.customers+1"))
                .containsExactly("stg_customers");
        assertThat(bouncer.select("source:tiktok_ads.ad_history+2"))
                .containsExactlyInAnyOrder("stg_tiktok_ads__ad_history_tmp", "stg_tiktok_ads__ad_history");
        assertThat(bouncer.select("source:tiktok_ads.ad_history")).isEmpty();
        assertThat(bouncer.select("+exposure:pulse_queries")).containsExactlyInAnyOrder(
                "customers.v3", "orders", "stg_customers", "stg_orders", "stg_payments");
        assertThat(bouncer.select("1+exposure:dbt_bouncer_test_project.customers")).containsExactly("customers.v3");
        assertThat(bouncer.select("+metric:*")).isEmpty();
    }

    @Test
    void groupComparesTheConfiguredGroup() {
        assertThat(bouncer.select("group:finance")).isEmpty();
    }

    @Test
    void snowflakeManifestSelectsByContractAndGraph() {
        ModelSelection dbterd = new ModelSelection(DbtFixtures.manifest("dbterd-v12-snowflake.json"), null);

        assertThat(dbterd.select("config.contract.enforced:true")).containsExactlyInAnyOrder(
                "dim_customer_segment", "fct_customer_segment_orders", "orders", "locations");
        assertThat(dbterd.select("1+fct_customer_segment_orders")).containsExactlyInAnyOrder(
                "fct_customer_segment_orders", "stg_orders", "dim_customer_segment", "orders");
        assertThat(dbterd.select("marts,config.materialized:table")).hasSize(9);
    }
}
