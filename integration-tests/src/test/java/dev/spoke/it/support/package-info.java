/**
 * What integration tests share: the PostgreSQL server ({@link dev.spoke.it.support.PostgresServer}, from
 * SPOKE_IT_JDBC_URL or Testcontainers) and a schema of its own per test class
 * ({@link dev.spoke.it.support.PostgresSchema}); the test warehouses ({@link dev.spoke.it.support.TestWarehouse}:
 * a PostgreSQL schema or a DuckDB file); a dbt project directory as a user has one
 * ({@link dev.spoke.it.support.TestProject}, with a manifest made from the sample project's,
 * {@link dev.spoke.it.support.DbtManifest}); a webhook receiver ({@link dev.spoke.it.support.WebhookReceiver}); and
 * two ways to run spoke: the engine in process ({@link dev.spoke.it.support.InProcessSpoke}) or the built jar as a
 * subprocess ({@link dev.spoke.it.support.SpokeCli}).
 */
package dev.spoke.it.support;
