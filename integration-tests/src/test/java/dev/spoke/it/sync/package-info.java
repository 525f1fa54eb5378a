/**
 * spoke's delivery promises on real warehouses (PostgreSQL and DuckDB): a large model arrives complete and exact
 * with a bounded heap; only what changed is sent, in every mode; rejected and invalid rows are reported and retried;
 * plan changes nothing; shards split an export exactly; runs exclude each other; a killed run loses nothing.
 */
package dev.spoke.it.sync;
