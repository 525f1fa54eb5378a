/**
 * The {@code file} destination: an export's rows written to a local JSON Lines or CSV file, durably (forced to disk
 * before a write returns, a crashed write cut off on the next open) and, by default, replaced atomically at the end
 * of each run. The package knows the SPI and the local file system, nothing of the engine or state.
 */
package dev.spoke.destinations.file;
