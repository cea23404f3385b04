package dev.intake.platform.event;

import java.util.Map;

import dev.intake.testsupport.Net;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link RecordingConsumer} and subscribes it to {@code probe.happened}. */
public class RecordingConsumerResource implements QuarkusTestResourceLifecycleManager {

    /** The token of the probe application→recorder pair. */
    static final String TOKEN = "dev-only-probe-to-recorder-token";

    private RecordingConsumer current;

    @Override
    public Map<String, String> start() {
        current = new RecordingConsumer(Net.freePort(), Net.freePort());
        current.start();
        return Map.of("intake.events.subscribers.recorder.url", current.url(),
                "intake.events.subscribers.recorder.types", "probe.happened",
                "intake.events.subscribers.recorder.token", TOKEN,
                RecorderControl.URL_PROPERTY, current.controlUrl());
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }
}
