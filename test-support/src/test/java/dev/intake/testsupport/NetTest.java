package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class NetTest {

    @Test
    void theClosedPortRefusesConnectionsAndCannotBeTaken() throws IOException {
        int port = Net.closedPort();
        assertEquals(port, Net.closedPort(), "one closed port for the whole JVM");
        assertEquals("http://127.0.0.1:" + port, Net.closedUrl());
        try (Socket client = new Socket()) {
            assertThrows(ConnectException.class, () -> client.connect(new InetSocketAddress(Net.LOOPBACK, port), 2000));
        }
        // as a server of a test or of another process would try it, with SO_REUSEADDR (Java's default)
        for (String address : new String[] {Net.LOOPBACK, "0.0.0.0"}) {
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                assertThrows(BindException.class, () -> server.bind(new InetSocketAddress(InetAddress.getByName(address), port)),
                        "a listener could take the closed port on " + address);
            }
        }
        assertEquals(-1, Net.status(Net.closedUrl() + "/q/health/ready"));
    }

    @Test
    void freePortsAreFreeAndNotTheClosedOne() throws IOException {
        int port = Net.freePort();
        assertTrue(port != Net.closedPort());
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName(Net.LOOPBACK))) {
            assertEquals(port, server.getLocalPort());
        }
    }

    @Test
    void theConfigSourceIsDiscoveredAndNamesTheClosedPort() {
        ConfigSource source = ServiceLoader.load(ConfigSource.class).stream()
                .filter(provider -> provider.type() == ClosedPortConfigSource.class).map(ServiceLoader.Provider::get).findFirst()
                .orElseThrow(() -> new AssertionError("ClosedPortConfigSource is not registered"));
        assertEquals(Net.closedUrl(), source.getValue(ClosedPortConfigSource.CLOSED_URL));
        assertEquals(String.valueOf(Net.closedPort()), source.getValue(ClosedPortConfigSource.CLOSED_PORT));
        assertTrue(source.getPropertyNames().contains(ClosedPortConfigSource.CLOSED_URL));
    }
}
