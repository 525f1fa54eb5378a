package dev.spoke.it.faults;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.JobStatus;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake asynchronous API for the job-resume case: every write submits a job for the whole batch, and every poll
 * answers "running" until the test says the jobs are done, then "finished" with each row delivered except the keys
 * the test named as refused. It counts submits and polls, and can run a hook on each poll (to stop the run
 * mid-poll). Shared by the test and the destinations its {@link #factory()} creates, across runs.
 */
final class JobBoard {
    static final String TYPE = "fake_jobs";

    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile boolean done;
    private volatile Map<String, String> refusals = Map.of();
    private volatile Runnable onPoll = () -> { };

    int submits() {
        return submits.get();
    }

    int polls() {
        return polls.get();
    }

    /** From now on, jobs report finished: {@code refused} (key to reason) rejected, every other row delivered. */
    void finishJobs(Map<String, String> refused) {
        this.refusals = Map.copyOf(refused);
        this.done = true;
    }

    /** Runs {@code hook} at each poll, before answering. */
    void onPoll(Runnable hook) {
        this.onPoll = hook;
    }

    /** The factory of the {@code fake_jobs} type, for a registry built in the test. */
    DestinationFactory factory() {
        return new DestinationFactory() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public String description() {
                return "test-only: submits every batch as an asynchronous job";
            }

            @Override
            public List<OptionSpec> connectionOptions() {
                return List.of();
            }

            @Override
            public List<OptionSpec> exportOptions() {
                return List.of();
            }

            @Override
            public Set<SyncMode> supportedModes() {
                return EnumSet.of(SyncMode.UPSERT);
            }

            @Override
            public Destination create(DestinationSpec spec, DestinationContext context) {
                return new JobDestination();
            }
        };
    }

    private final class JobDestination implements Destination {
        @Override
        public WriteResult write(RowBatch batch) {
            String jobId = "job-" + submits.incrementAndGet();
            return WriteResult.submitted(new PendingJob(jobId, batch.keys(), "queue=faults"));
        }

        @Override
        public JobStatus poll(PendingJob job) {
            polls.incrementAndGet();
            onPoll.run();
            if (!done) {
                return new JobStatus.Running(Duration.ofMillis(20));
            }
            Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
            for (RowKey key : job.keys()) {
                String refusal = refusals.get(key.text());
                outcomes.put(key, refusal == null ? RowOutcome.delivered() : RowOutcome.rejected(refusal));
            }
            return new JobStatus.Finished(WriteResult.of(outcomes));
        }

        @Override
        public int maxBatchSize() {
            return 100;
        }
    }
}
