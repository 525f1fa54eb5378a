/**
 * The picocli commands ({@code spoke ls}, {@code validate}, {@code schema}, {@code plan}, {@code sync},
 * {@code state}): parse flags, build a request, call the engine, render the result, return an exit code.
 *
 * <p>No logic lives here: anything a test or another front end would want belongs in {@code dev.spoke.sync},
 * {@code dev.spoke.config} or {@code dev.spoke.report}.
 */
package dev.spoke.cli;
