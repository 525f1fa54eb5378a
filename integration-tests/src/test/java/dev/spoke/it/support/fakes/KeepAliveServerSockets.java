package dev.spoke.it.support.fakes;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections are closed once idle for {@code keepAlive} (nothing read or written),
 * silently, without a {@code Connection: close}, as Node.js (5s by default), nginx or a load balancer do with
 * kept-alive connections. A client that keeps idle connections longer writes its next request into a closed connection.
 */
final class KeepAliveServerSockets extends ServerSocketFactory implements AutoCloseable {
    private final long idleNanos;
    private final Set<TrackedSocket> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fake-receiver-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    KeepAliveServerSockets(Duration keepAlive) {
        this.idleNanos = keepAlive.toNanos();
        long checkMillis = Math.max(5, keepAlive.toMillis() / 10);
        closer.scheduleWithFixedDelay(this::closeIdle, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new TrackingServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return bound(new InetSocketAddress(port), 50);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return bound(new InetSocketAddress(port), backlog);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return bound(new InetSocketAddress(address, port), backlog);
    }

    @Override
    public void close() {
        closer.shutdownNow();
    }

    private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(address, backlog);
        return socket;
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (TrackedSocket socket : open) {
            if (socket.isClosed()) {
                open.remove(socket);
            } else if (now - socket.lastActivity > idleNanos) {
                open.remove(socket);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }
    }

    private final class TrackingServerSocket extends ServerSocket {
        TrackingServerSocket() throws IOException {
        }

        @Override
        public Socket accept() throws IOException {
            TrackedSocket socket = new TrackedSocket();
            implAccept(socket);
            socket.touch();
            open.add(socket);
            return socket;
        }
    }

    /** A socket that notes when it last read or wrote. */
    private static final class TrackedSocket extends Socket {
        private volatile long lastActivity = System.nanoTime();

        void touch() {
            lastActivity = System.nanoTime();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int read = super.read();
                    touch();
                    return read;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    touch();
                    return read;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    out.write(buffer, offset, length);
                    touch();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    touch();
                }
            };
        }
    }
}
