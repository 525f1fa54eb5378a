/**
 * What integration tests share: the PostgreSQL server ({@link dev.spoke.it.support.PostgresServer}, from
 * SPOKE_IT_JDBC_URL or Testcontainers) and a schema of its own per test class
 * ({@link dev.spoke.it.support.PostgresSchema}).
 */
package dev.spoke.it.support;
