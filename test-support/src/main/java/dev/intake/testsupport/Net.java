package dev.intake.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ports of the loopback interface for tests: free ones for the servers a test starts, and one that is
 * closed for good, for what a test must find away. Never a fixed port: the local stack
 * ({@code scripts/up}) may run on this machine while the tests do, on 8080-8084 and its servers' ports.
 */
public final class Net {

    static final String LOOPBACK = "127.0.0.1";

    /** Bound and never listening: connections to its port are refused, and nothing else can bind that port. */
    private static Socket closed;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Net() {
    }

    /** A TCP port on the loopback interface that nothing listens on right now (a server may take it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * A TCP port on the loopback interface where nothing answers for the rest of this JVM: it stays bound
     * by a socket that never listens, so a connection is refused at once and no server (of this JVM or
     * any other process) can take the port meanwhile. Unlike a free port, it cannot turn into a listener.
     */
    public static synchronized int closedPort() {
        if (closed == null) {
            Socket socket = new Socket();
            try {
                // without SO_REUSEADDR on this socket, no other socket can bind the port, with it or not
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing held
                }
                throw new UncheckedIOException("no loopback port to hold closed", e);
            }
            closed = socket;
        }
        return closed.getLocalPort();
    }

    /** {@code http://127.0.0.1:<closedPort()>}: a URL for a service that must be away. */
    public static String closedUrl() {
        return url(closedPort());
    }

    public static String url(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    /** Sends a request; the response, or {@code null} when nothing answered. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The status of a GET, or -1 when nothing answered. */
    static int status(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        return response == null ? -1 : response.statusCode();
    }
}
