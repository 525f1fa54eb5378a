package dev.spoke.dbt;

import static dev.spoke.dbt.DbtFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Reads every real manifest fixture (schema v4 to v12 and dbt Fusion) and checks facts taken from the files with
 * python3/jq: model counts, relation names, unique keys, meta, versions, constraints and the graph maps.
 */
class ManifestReaderTest {

    @Test
    void readsSchemaV4AndBuildsTheRelationNameItDoesNotCarry() {
        Manifest manifest = manifest("dbtcore-v4-postgres.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(4);
        assertThat(manifest.metadata().dbtVersion()).isEqualTo("1.0.8");
        assertThat(manifest.metadata().adapterType()).isEqualTo("postgres");
        assertThat(manifest.metadata().projectName()).isNull();
        assertThat(manifest.metadata().quoting()).isEqualTo(ManifestMetadata.Quoting.DEFAULT);
        assertThat(manifest.models()).containsOnlyKeys("model.test.my_model");
        Model model = manifest.model("model.test.my_model").orElseThrow();
        assertThat(model.relation()).isEqualTo(new Relation("jerco", "dbt_jcohen", "my_model"));
        assertThat(model.relationName()).isEqualTo("\"jerco\".\"dbt_jcohen\".\"my_model\"");
        assertThat(model.materialization()).isEqualTo("view");
        assertThat(model.contractEnforced()).isFalse();
        assertThat(model.originalFilePath()).isEqualTo("models/my_model.sql");
        assertThat(model.propertiesFile()).isEqualTo("models/my_model.sql");
        assertThat(manifest.childrenOf("model.test.my_model")).containsExactly("metric.test.my_metric");
        assertThat(manifest.parentsOf("metric.test.my_metric")).containsExactly("model.test.my_model");
    }

    @Test
    void readsSchemaV7FromPostgres() {
        Manifest manifest = manifest("piperider-v7-postgres.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(7);
        assertThat(manifest.models()).hasSize(5);
        assertThat(manifest.disabledModels()).isEmpty();
        Model customers = manifest.model("model.jaffle_shop.customers").orElseThrow();
        assertThat(customers.relationName()).isEqualTo("\"piperider\".\"public\".\"customers\"");
        assertThat(customers.tags()).containsExactly("piperider");
        assertThat(customers.columns().keySet()).containsExactly("customer_id", "first_name", "last_name",
                "first_order", "most_recent_order", "number_of_orders", "total_order_amount");
        assertThat(customers.column("CUSTOMER_ID").orElseThrow().dataType()).isNull();
        assertThat(customers.column("customer_id").orElseThrow().description())
                .isEqualTo("This is a unique identifier for a customer");
        assertThat(customers.meta()).isEmpty();
        assertThat(customers.uniqueKey()).isEmpty();
        assertThat(customers.primaryKey()).isEmpty();
    }

    @Test
    void readsSchemaV8FromDuckdb() {
        Manifest manifest = manifest("piperider-v8-duckdb.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(8);
        assertThat(manifest.metadata().adapterType()).isEqualTo("duckdb");
        assertThat(manifest.models()).hasSize(5);
        assertThat(manifest.model("model.jaffle_shop.orders").orElseThrow().relationName())
                .isEqualTo("\"jaffle_shop\".\"main\".\"orders\"");
    }

    @Test
    void readsSchemaV9WithSortedKeysWhereTheMapsComeBeforeTheNodes() {
        Manifest manifest = manifest("cosmos-v9-postgres.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(9);
        assertThat(manifest.metadata().projectName()).isNull();
        assertThat(manifest.models()).hasSize(5);
        assertThat(manifest.parentMap()).hasSize(28);
        assertThat(manifest.childMap()).hasSize(28);
        assertThat(manifest.parentsOf("model.jaffle_shop.customers")).containsExactly(
                "model.jaffle_shop.stg_customers", "model.jaffle_shop.stg_orders", "model.jaffle_shop.stg_payments");
        Model customers = manifest.model("model.jaffle_shop.customers").orElseThrow();
        assertThat(customers.tags()).containsExactly("test_tag");
        assertThat(customers.relationName()).isEqualTo("\"postgres\".\"public\".\"customers\"");
    }

    @Test
    void readsVersionedModelsOfSchemaV10() {
        Manifest manifest = manifest("cosmos-v10-postgres.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(10);
        assertThat(manifest.metadata().projectName()).isEqualTo("jaffle_shop");
        assertThat(manifest.models()).hasSize(7);
        Model v1 = manifest.model("model.jaffle_shop.customers.v1").orElseThrow();
        assertThat(v1.name()).isEqualTo("customers");
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.latestVersion()).isEqualTo("2");
        assertThat(v1.displayName()).isEqualTo("customers.v1");
        assertThat(v1.fqn()).containsExactly("jaffle_shop", "customers", "v1");
        assertThat(v1.relation().identifier()).isEqualTo("customers_v1");
        assertThat(v1.relationName()).isEqualTo("\"airflow\".\"public\".\"customers_v1\"");
        Model stgOrders = manifest.model("model.jaffle_shop.stg_orders.v1").orElseThrow();
        assertThat(stgOrders.version()).isEqualTo("1");
        assertThat(stgOrders.latestVersion()).isEqualTo("1");
        assertThat(manifest.model("model.jaffle_shop.orders").orElseThrow().version()).isNull();
    }

    @Test
    void readsSchemaV11FromBigqueryWithMetaAndUniqueKeys() {
        Manifest manifest = manifest("artifactsparser-v11-bigquery.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(11);
        assertThat(manifest.models()).hasSize(35);
        assertThat(manifest.enabledModels().stream().filter(m -> !m.meta().isEmpty())).hasSize(8);
        Model customers = manifest.model("model.jaffle_shop.customers").orElseThrow();
        assertThat(customers.relationName()).isEqualTo("`your-project`.`jaffle_shop`.`customers`");
        assertThat(customers.tags()).containsExactly("lightdash", "piperider");
        Model orders = manifest.model("model.jaffle_shop.orders").orElseThrow();
        assertThat(orders.meta().at("/joins/0/join").asText()).isEqualTo("customers");
        assertThat(orders.propertiesFile()).isEqualTo("models/schema.yml");
        Model testResults = manifest.model("model.elementary.elementary_test_results").orElseThrow();
        assertThat(testResults.uniqueKey()).containsExactly("id");
        assertThat(testResults.materialization()).isEqualTo("incremental");
        assertThat(testResults.packageName()).isEqualTo("elementary");
    }

    @Test
    void readsSchemaV12FromSnowflakeWithUnquotedRelationsAndConstraints() {
        Manifest manifest = manifest("dbterd-v12-snowflake.json");

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(12);
        assertThat(manifest.metadata().quoting()).isEqualTo(new ManifestMetadata.Quoting(false, false, false));
        assertThat(manifest.models()).hasSize(15);
        assertThat(manifest.model("model.jaffle_shop.stg_products").orElseThrow().relationName())
                .isEqualTo("shaman.dummy.stg_products");

        Model segmentOrders = manifest.model("model.jaffle_shop.fct_customer_segment_orders").orElseThrow();
        assertThat(segmentOrders.contractEnforced()).isTrue();
        assertThat(segmentOrders.constraints()).extracting(Constraint::type)
                .containsExactly("primary_key", "foreign_key");
        assertThat(segmentOrders.constraints().get(1).columns()).containsExactly("customer_id", "segment_code");
        assertThat(segmentOrders.constraints().get(1).name()).isEqualTo("fk_segment_order_to_customer_segment");
        assertThat(segmentOrders.primaryKey()).containsExactly("order_id");
        assertThat(segmentOrders.meta().get("label").asText()).isEqualTo("segment_orders");
        Column orderId = segmentOrders.column("order_id").orElseThrow();
        assertThat(orderId.dataType()).isEqualTo("text");
        assertThat(orderId.constraints()).extracting(Constraint::type).containsExactly("not_null", "foreign_key");
        assertThat(orderId.constraints().get(0).columns()).isEmpty();

        assertThat(manifest.model("model.jaffle_shop.dim_customer_segment").orElseThrow().primaryKey())
                .containsExactly("customer_id", "segment_code");
        // A column-level primary_key constraint.
        assertThat(manifest.model("model.jaffle_shop.orders").orElseThrow().primaryKey())
                .containsExactly("order_id");
        // No constraint at all: dbt inferred the key from the unique and not_null tests.
        Model products = manifest.model("model.jaffle_shop.stg_products").orElseThrow();
        assertThat(products.constraints()).isEmpty();
        assertThat(products.dbtPrimaryKey()).containsExactly("product_id");
        assertThat(products.primaryKey()).containsExactly("product_id");
    }

    @Test
    void readsSchemaV12FromDuckdbWithEphemeralAndPythonModels() {
        Manifest manifest = manifest("bouncer-v12-duckdb.json");

        assertThat(manifest.metadata().dbtVersion()).isEqualTo("1.11.12");
        assertThat(manifest.metadata().isFusion()).isFalse();
        assertThat(manifest.models()).hasSize(39);
        assertThat(manifest.disabledModels()).isEmpty();
        assertThat(manifest.parentMap()).hasSize(129);
        assertThat(manifest.model("model.dbt_bouncer_test_project.int_incremental").orElseThrow().uniqueKey())
                .containsExactly("id");
        Model ephemeral = manifest.model("model.dbt_bouncer_test_project.stg_raw_orders_for_snapshot").orElseThrow();
        assertThat(ephemeral.isEphemeral()).isTrue();
        assertThat(ephemeral.relationName()).isEqualTo("\"dbt\".\"main_stg_crm\".\"stg_raw_orders_for_snapshot\"");
        assertThat(ephemeral.meta().get("maturity").asText()).isEqualTo("gold");
        Model python = manifest.model("model.dbt_bouncer_test_project.py_order_stats").orElseThrow();
        assertThat(python.originalFilePath()).isEqualTo("models/utilities/py_order_stats.py");
        assertThat(python.enabled()).isTrue();
        assertThat(manifest.model("model.dbt_bouncer_test_project.int_exclude_via_meta_config").orElseThrow()
                .meta().at("/dbt-bouncer/skip_checks/0").asText()).isEqualTo("check_model_description_populated");
        assertThat(manifest.parentsOf("model.dbt_bouncer_test_project.orders")).containsExactly(
                "model.dbt_bouncer_test_project.stg_orders", "model.dbt_bouncer_test_project.stg_payments");
        Model customersV3 = manifest.model("model.dbt_bouncer_test_project.customers.v3").orElseThrow();
        assertThat(customersV3.primaryKey()).containsExactly("customer_id_pk");
        assertThat(customersV3.config().path("materialized").asText()).isEqualTo("table");
    }

    @Test
    void readsDbtFusionOutputWhichOmitsKeysAndMovesThePythonModelToDisabled() {
        Manifest manifest = manifest("bouncer-v12-duckdb-fusion2.json");

        assertThat(manifest.metadata().isFusion()).isTrue();
        assertThat(manifest.metadata().dbtVersion()).isEqualTo("2.0.0-beta.2");
        assertThat(manifest.models()).hasSize(38);
        assertThat(manifest.disabledModels()).singleElement().satisfies(disabled -> {
            assertThat(disabled.uniqueId()).isEqualTo("model.dbt_bouncer_test_project.py_order_stats");
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.relationName()).isEqualTo("\"dbt\".\"main\".\"py_order_stats\"");
        });
        // Fusion leaves relation_name out of ephemeral models; it is built from metadata.quoting.
        assertThat(manifest.model("model.dbt_bouncer_test_project.int_model_1").orElseThrow().relationName())
                .isEqualTo("\"dbt\".\"main_intermediate\".\"int_model_1\"");
        Model orders = manifest.model("model.dbt_bouncer_test_project.orders").orElseThrow();
        assertThat(orders.contractEnforced()).isTrue();
        assertThat(orders.primaryKey()).containsExactly("order_id_pk");
        Model customersV1 = manifest.model("model.dbt_bouncer_test_project.customers.v1").orElseThrow();
        assertThat(customersV1.displayName()).isEqualTo("customers.v1");
        assertThat(customersV1.latestVersion()).isEqualTo("3");
        assertThat(customersV1.propertiesFile()).isEqualTo("models/marts/finance/_finance__models.yml");
        assertThat(customersV1.column("customer_id").orElseThrow().meta().get("maturity").asText())
                .isEqualTo("gold");
    }

    @Test
    void readsManifestsWithoutAnyDestinations() {
        for (String name : new String[] {"dbtcore-v4-postgres.json", "piperider-v7-postgres.json",
                "cosmos-v10-postgres.json", "bouncer-v12-duckdb.json"}) {
            Manifest manifest = manifest(name);
            assertThat(manifest.enabledModels()).allSatisfy(m -> assertThat(m.meta().has("destinations")).isFalse());
        }
    }
}
