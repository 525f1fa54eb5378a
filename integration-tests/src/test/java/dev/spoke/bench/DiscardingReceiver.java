package dev.spoke.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local webhook receiver of the benchmark: the JDK's HTTP server on 127.0.0.1, reading each body into nothing
 * and answering 200 with no body at once, so that it is never what limits a sync. Counts requests and bytes.
 */
final class DiscardingReceiver implements AutoCloseable {
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    DiscardingReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "bench-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
            }
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bench";
    }

    long requests() {
        return requests.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
