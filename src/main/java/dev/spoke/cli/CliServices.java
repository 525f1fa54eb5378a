package dev.spoke.cli;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Environment;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What commands get from the process: the streams, the environment, the clock, the destination types, and the stop
 * signal a SIGINT/SIGTERM sets. Tests build one with captured streams and a map environment.
 *
 * @param out where results go (tables, JSON, summaries)
 * @param err where logs and errors go
 * @param environment env_var() lookups and DBT_* variables
 * @param clock the clock
 * @param registry the destination types on the class path
 * @param stop set when the process is asked to stop
 */
record CliServices(
        PrintStream out, PrintStream err, Environment environment, Clock clock, DestinationRegistry registry,
        StopSignal stop) {
    CliServices {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(registry, "registry is null");
        requireNonNull(stop, "stop is null");
    }
}
