/** State store integration tests on PostgreSQL: the state commit contract of {@code dev.spoke.state}. */
package dev.spoke.it.state;
