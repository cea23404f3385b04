package dev.intake.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on a free loopback port, for stand-ins of the services a test does not run. */
public final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    /** Starts a server answering {@code path} (and below) with the handler; stop it with {@code stop(0)}. */
    public static HttpServer start(String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext(path, handler);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a loopback HTTP server", e);
        }
    }

    public static String baseUrl(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
