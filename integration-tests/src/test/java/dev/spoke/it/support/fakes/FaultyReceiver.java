package dev.spoke.it.support.fakes;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A webhook receiver that answers every request from a {@link Script} and records it. Runs on an OkHttp
 * {@link MockWebServer}; the script is called from the server's connection threads, several at once, so scripts
 * must be thread-safe (a deterministic function of the {@link Incoming} request is the simplest).
 *
 * <p>It reads spoke's webhook body ({@code data.rows[].key}) and headers ({@code webhook-id},
 * {@code Idempotency-Key}), counts the attempts per webhook-id, and renders a 2xx answer's rejections as
 * {@code {"rejected":[{"key":..,"reason":..,"retryable":..}]}}. A 2xx answer that is cut off
 * ({@link Reply.Fault#DISCONNECT_DURING_BODY}) carries a few kilobytes of body so that the cut falls inside it.
 */
public final class FaultyReceiver implements AutoCloseable {
    /** Answers one request. */
    @FunctionalInterface
    public interface Script {
        Reply answer(Incoming request);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PADDING = "x".repeat(16 * 1024);

    private final MockWebServer server = new MockWebServer();
    private final List<ReceivedRequest> requests = new ArrayList<>();
    private final Map<String, Integer> attemptsById = new HashMap<>();
    private int nextSequence;
    private volatile Script script;
    private KeepAliveServerSockets keepAliveSockets;

    private FaultyReceiver(Script script) {
        this.script = requireNonNull(script, "script is null");
    }

    /** Starts a receiver on a free loopback port. */
    public static FaultyReceiver start(Script script) {
        return start(script, null);
    }

    /**
     * Starts a receiver that closes a kept-alive connection after {@code keepAlive} without a request, silently (as
     * Node.js does after 5s by default); {@code null} keeps connections open as long as the client wants.
     */
    public static FaultyReceiver start(Script script, Duration keepAlive) {
        FaultyReceiver receiver = new FaultyReceiver(script);
        receiver.server.setDispatcher(receiver.new ScriptedDispatcher());
        if (keepAlive != null) {
            receiver.keepAliveSockets = new KeepAliveServerSockets(keepAlive);
            receiver.server.setServerSocketFactory(receiver.keepAliveSockets);
        }
        try {
            receiver.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake receiver", e);
        }
        return receiver;
    }

    /** The URL spoke should POST to. */
    public String url() {
        return server.url("/hooks/faults").toString();
    }

    /** Answers from now on with {@code newScript} (e.g. the receiver comes back up for the next run). */
    public void answerWith(Script newScript) {
        this.script = requireNonNull(newScript, "newScript is null");
    }

    /** Every request so far, in the order they were read. */
    public synchronized List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests read after the first {@code mark} ones (see {@link #mark()}). */
    public synchronized List<ReceivedRequest> requestsSince(int mark) {
        return List.copyOf(requests.subList(mark, requests.size()));
    }

    /** How many requests were read so far: a mark for {@link #requestsSince(int)}. */
    public synchronized int mark() {
        return requests.size();
    }

    /** The keys of every row accepted so far (2xx answers, minus their rejections). */
    public Set<String> acceptedKeys() {
        return acceptedKeys(requests());
    }

    /** The keys of every row {@code someRequests} got accepted. */
    public static Set<String> acceptedKeys(List<ReceivedRequest> someRequests) {
        Set<String> keys = new LinkedHashSet<>();
        someRequests.forEach(request -> keys.addAll(request.acceptedKeys()));
        return keys;
    }

    /** The keys of every row sent in {@code someRequests}, accepted or not. */
    public static Set<String> keysSeen(List<ReceivedRequest> someRequests) {
        Set<String> keys = new LinkedHashSet<>();
        someRequests.forEach(request -> keys.addAll(request.keys()));
        return keys;
    }

    @Override
    public void close() {
        server.close();
        if (keepAliveSockets != null) {
            keepAliveSockets.close();
        }
    }

    private synchronized Incoming register(String webhookId, List<String> keys) {
        int attempt = attemptsById.merge(webhookId, 1, Integer::sum);
        return new Incoming(nextSequence++, webhookId, attempt, keys);
    }

    private synchronized void record(ReceivedRequest request) {
        requests.add(request);
    }

    private static List<String> keysOf(String body) {
        List<String> keys = new ArrayList<>();
        try {
            for (JsonNode row : JSON.readTree(body).path("data").path("rows")) {
                keys.add(row.path("key").asText());
            }
        } catch (IOException notJson) {
            throw new AssertionError("spoke sent a webhook body that is not JSON: " + body, notJson);
        }
        return keys;
    }

    private static String bodyOf(Reply reply) {
        if (!reply.accepted()) {
            return reply.body();
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode rejected = answer.putArray("rejected");
        for (Reply.Rejection rejection : reply.rejections()) {
            rejected.addObject().put("key", rejection.key()).put("reason", rejection.reason())
                    .put("retryable", rejection.retryable());
        }
        if (reply.fault() == Reply.Fault.DISCONNECT_DURING_BODY) {
            answer.put("padding", PADDING);
        }
        return answer.toString();
    }

    private static MockResponse toResponse(Reply reply) {
        MockResponse.Builder response = new MockResponse.Builder().code(reply.status()).body(bodyOf(reply))
                .setHeader("Content-Type", "application/json");
        reply.headers().forEach(response::setHeader);
        if (!reply.delay().isZero()) {
            response.headersDelay(reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        switch (reply.fault()) {
            case NONE -> {
            }
            case DISCONNECT_BEFORE_RESPONSE -> response.onResponseStart(new SocketEffect.CloseSocket());
            case DISCONNECT_DURING_BODY -> response.onResponseBody(new SocketEffect.CloseSocket());
            case CLOSE_AFTER_RESPONSE -> response.onResponseEnd(new SocketEffect.CloseSocket());
        }
        return response.build();
    }

    /** Reads, scripts, records, answers. */
    private final class ScriptedDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest recorded) {
            Instant receivedAt = Instant.now();
            long receivedNanos = System.nanoTime();
            String body = recorded.getBody() == null ? "" : recorded.getBody().utf8();
            String webhookId = String.valueOf(recorded.getHeaders().get("webhook-id"));
            Incoming incoming = register(webhookId, keysOf(body));
            Reply reply = script.answer(incoming);
            record(new ReceivedRequest(incoming.sequence(), receivedAt, receivedNanos, webhookId,
                    recorded.getHeaders().get("Idempotency-Key"), incoming.attempt(), incoming.keys(), body, reply));
            return toResponse(reply);
        }
    }
}
