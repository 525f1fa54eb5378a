/**
 * The {@code file} destination: an export's rows written to local JSON Lines or CSV files, durably (forced to disk
 * before a write returns, a crashed write cut off on the next open), without ever destroying rows a reader could
 * still need: each run writes a file of its own, or appends to one file, and a new file appears under its name only
 * whole. Paths from meta stay inside the project's output directory ({@code OutputDirectory}),
 * and a file spoke did not create is never appended to or replaced ({@code OwnerMark}).
 * The package knows the SPI and the local file system, nothing of the engine or state.
 */
package dev.spoke.destinations.file;
