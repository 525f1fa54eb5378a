/** Integration tests of warehouse access against a real PostgreSQL and a DuckDB file. */
package dev.spoke.it.warehouse;
