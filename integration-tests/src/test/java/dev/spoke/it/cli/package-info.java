/**
 * spoke as a user and an orchestrator run it: the built jar as a subprocess, its exit codes, console summary and
 * target/spoke_run_results.json; the sample project's quickstart; the golden output of {@code spoke ls}.
 */
package dev.spoke.it.cli;
