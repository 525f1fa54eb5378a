package dev.spoke.cli;

import dev.spoke.ExitCode;
import dev.spoke.config.Environment;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code spoke} process. A SIGINT or SIGTERM sets the stop signal; the running command finishes the batches in
 * flight, commits them, writes run results, and the process exits with {@link ExitCode#INTERRUPTED}.
 */
public final class Main {
    /** How long a stop request waits for the batches in flight before the process exits anyway. */
    static final long STOP_GRACE_SECONDS = 60;

    private Main() {
    }

    public static void main(String[] args) {
        StopSignal stop = new StopSignal();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger exitCode = new AtomicInteger(ExitCode.INTERRUPTED.code());
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (finished.get()) {
                return;
            }
            stop.request("SIGTERM or SIGINT");
            try {
                done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(exitCode.get());
        }, "spoke-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        CliServices services = new CliServices(System.out, System.err, Environment.system(), Clock.systemUTC(),
                DestinationRegistry.load(), stop);
        int code = run(args, services);
        exitCode.set(stop.requested() ? ExitCode.INTERRUPTED.code() : code);
        finished.set(!stop.requested());
        done.countDown();
        if (!stop.requested()) {
            System.exit(code);
        }
    }

    /** Runs one command line with the given services and returns its exit code; never calls System.exit. */
    static int run(String[] args, CliServices services) {
        return SpokeCommand.commandLine(services).execute(args);
    }

    static void printError(PrintStream err, String message) {
        err.println(dev.spoke.config.SecretRedactor.global().redact(message));
    }
}
