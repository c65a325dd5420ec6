package io.github.camelrocketchat.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of one loopback server, so that a test can cut one node off a server that the
 * others still reach: {@link #cut()} closes the listening socket and every relayed connection at once, as a crashed
 * host or a pulled cable would (the server sees the connections end, but no client says goodbye first).
 */
final class TcpProxy implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int targetPort;
    private final ServerSocket listener;
    /** Both ends of every live relay; touched by the accept thread, the pump threads and {@link #cut()}. */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** A relay to {@code 127.0.0.1:targetPort}, accepting at once. */
    static TcpProxy to(int targetPort) {
        try {
            TcpProxy p = new TcpProxy(targetPort);
            daemon(p::acceptLoop, "proxy-accept-" + p.port());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Relayed connections open now. */
    int liveConnections() {
        return sockets.size() / 2;
    }

    /** Ends every relayed connection and refuses new ones (the port is closed): final. */
    void cut() {
        cut = true;
        closeQuietly(listener);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    @Override
    public void close() {
        cut();
    }

    private void acceptLoop() {
        while (!cut) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Socket server = new Socket();
            try {
                server.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
            } catch (IOException e) {
                // the server is down: the client sees its connection end, as it would without the relay
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            sockets.add(client);
            sockets.add(server);
            if (cut) {
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            daemon(() -> pump(client, server), "proxy-up-" + port());
            daemon(() -> pump(server, client), "proxy-down-" + port());
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side ended: end the other one too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all that is asked
        }
    }
}
