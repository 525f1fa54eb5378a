package dev.spoke.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Sleeps by advancing a {@link FakeClock}, records every sleep, and can act during one (set the stop signal). */
final class FakeSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> sleeps = new ArrayList<>();
    private Consumer<Integer> duringSleep = sleepNumber -> { };

    FakeSleeper(FakeClock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} with the 1-based number of each sleep, before the clock advances. */
    void duringSleep(Consumer<Integer> action) {
        this.duringSleep = action;
    }

    @Override
    public synchronized void sleep(Duration duration, StopSignal stop) {
        sleeps.add(duration);
        duringSleep.accept(sleeps.size());
        if (!stop.requested()) {
            clock.advance(duration);
        }
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
