package dev.spoke.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A webhook receiver as docs/destinations/webhook.md describes one, on a MockWebServer: it records every message
 * (headers, rows, the answer it gave) and answers {@code 200}, or refuses chosen keys, either one by one with the
 * partial-failure body {@code {"rejected":[{"key":..,"reason":..,"retryable":false}]}} or by answering {@code 422}
 * to any batch that holds them. It can also hold every message after the first few unanswered until {@link
 * #release()}, to keep a run busy (lock tests) or to kill it mid-run (crash tests). Decimals are read as
 * {@link java.math.BigDecimal}, so their scale is what the sender wrote.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = CanonicalJson.EXACT;

    private final MockWebServer server = new MockWebServer();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, String> rejections = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger answeredBeforeHold = new AtomicInteger();
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private volatile int holdAfter = Integer.MAX_VALUE;

    public WebhookReceiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return receive(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to put in spoke.yml. */
    public String url() {
        return server.url("/hooks/spoke").toString();
    }

    /**
     * Rejects the row with this key (as {@link ReceivedRow#key()} spells it) in every later message, through the
     * partial-failure body, which names it as the request did (a string, or an object for a composite key).
     */
    public WebhookReceiver reject(String key, String reason) {
        rejections.put(key, reason);
        return this;
    }

    /** Answers {@code 422} with {@code reason} to every later message holding this key. */
    public WebhookReceiver refuseWith422(String key, String reason) {
        refusals.put(key, reason);
        return this;
    }

    /** Answers the next {@code answered} messages, then holds every later one unanswered until {@link #release()}. */
    public WebhookReceiver holdAfter(int answered) {
        answeredBeforeHold.set(0);
        hold.set(new CountDownLatch(1));
        holdAfter = answered;
        return this;
    }

    /** Answers the held messages and stops holding. */
    public void release() {
        holdAfter = Integer.MAX_VALUE;
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Forgets the recorded messages and the refusals; answers everything with 200 again. */
    public WebhookReceiver reset() {
        release();
        messages.clear();
        rejections.clear();
        refusals.clear();
        maxInFlight.set(0);
        return this;
    }

    /** Every message received since the last reset, in order of arrival (answered or not). */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** The rows of every message, in order of arrival. */
    public List<ReceivedRow> rows() {
        List<ReceivedRow> rows = new ArrayList<>();
        messages.forEach(message -> rows.addAll(message.rows()));
        return rows;
    }

    /** The rows the receiver accepted: in messages it answered 2xx, and not rejected. */
    public List<ReceivedRow> accepted() {
        List<ReceivedRow> rows = new ArrayList<>();
        for (ReceivedMessage message : messages) {
            if (message.status() / 100 == 2) {
                message.rows().stream().filter(row -> !message.rejectedKeys().contains(row.key())).forEach(rows::add);
            }
        }
        return rows;
    }

    /** The keys of {@link #rows()}. */
    public List<String> keys() {
        return rows().stream().map(ReceivedRow::key).toList();
    }

    /** The most messages that were being handled at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Waits until at least {@code count} messages arrived; false on timeout. */
    public boolean awaitMessages(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private MockResponse receive(RecordedRequest request) throws InterruptedException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            ReceivedMessage message = ReceivedMessage.of(request);
            messages.add(message);
            CountDownLatch latch = hold.get();
            if (latch != null && answeredBeforeHold.incrementAndGet() > holdAfter) {
                latch.await();
            }
            for (ReceivedRow row : message.rows()) {
                String reason = refusals.get(row.key());
                if (reason != null) {
                    message.answer(422, Set.of());
                    return new MockResponse.Builder().code(422)
                            .setHeader("Content-Type", "application/json")
                            .body("{\"error\":\"" + reason + "\"}").build();
                }
            }
            ObjectNode body = JSON.createObjectNode();
            ArrayNode rejected = body.putArray("rejected");
            List<String> rejectedKeys = new ArrayList<>();
            for (ReceivedRow row : message.rows()) {
                String reason = rejections.get(row.key());
                if (reason != null) {
                    ObjectNode entry = rejected.addObject();
                    entry.set("key", row.keyNode());
                    entry.put("reason", reason).put("retryable", false);
                    rejectedKeys.add(row.key());
                }
            }
            message.answer(200, Set.copyOf(rejectedKeys));
            return new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/json")
                    .body(rejectedKeys.isEmpty() ? "{\"ok\":true}" : body.toString()).build();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
