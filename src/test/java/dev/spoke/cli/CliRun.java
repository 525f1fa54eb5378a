package dev.spoke.cli;

import dev.spoke.config.Environment;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs a spoke command line in-process with captured output, as a user would type it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliServices services = new CliServices(outStream, errStream, Environment.of(environment),
                    Clock.systemUTC(), DestinationRegistry.load(), new StopSignal());
            int code = Main.run(args, services);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}
