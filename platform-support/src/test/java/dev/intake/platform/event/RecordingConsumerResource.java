package dev.intake.platform.event;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link RecordingConsumer} and subscribes it to {@code probe.happened}. */
public class RecordingConsumerResource implements QuarkusTestResourceLifecycleManager {

    private RecordingConsumer current;

    @Override
    public Map<String, String> start() {
        current = new RecordingConsumer(freePort(), freePort());
        current.start();
        return Map.of("intake.events.subscribers.recorder.url", current.url(),
                "intake.events.subscribers.recorder.types", "probe.happened",
                RecorderControl.URL_PROPERTY, current.controlUrl());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }
}
