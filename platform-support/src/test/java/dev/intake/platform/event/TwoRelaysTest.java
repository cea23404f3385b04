package dev.intake.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Two relays competing for one outbox (as two replicas would) deliver every event exactly once, in order. */
@QuarkusTest
@TestProfile(TwoRelaysTest.ApplicationRelayOff.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class TwoRelaysTest {

    RecorderControl consumer = new RecorderControl();

    public static class ApplicationRelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.events.relay.enabled", "false");
        }
    }

    @Inject
    OutboxRelay relay;
    @Inject
    dev.intake.platform.work.WorkEngine engine;

    @Test
    void eachEventIsDeliveredOnceWhenTwoRelaysCompete() {
                List<UUID> produced = new java.util.ArrayList<>();
        for (int a = 0; a < 10; a++) {
            produced.addAll(ProbeEvents.publish("replica-" + a, 0, 30));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runUntil(engine, relay, consumer, deadline));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runUntil(engine, relay, consumer, deadline));
        int byFirst = a.join();
        int bySecond = b.join();

        assertEquals(300, consumer.appliedOf("replica-"));
        Map<UUID, Long> receiptsPerEvent = consumer.receipts().stream()
                .filter(r -> r.aggregate().startsWith("replica-"))
                .collect(Collectors.groupingBy(RecorderControl.Receipt::eventId, Collectors.counting()));
        assertEquals(300, receiptsPerEvent.size());
        assertTrue(receiptsPerEvent.values().stream().allMatch(n -> n == 1), "an event was delivered twice");
        assertTrue(byFirst > 0 && bySecond > 0, "both relays should have delivered: " + byFirst + "/" + bySecond);
        for (int agg = 0; agg < 10; agg++) {
            assertEquals(IntStream.range(0, 30).boxed().toList(),
                    ProbeEvents.positions(consumer.receiptsOf("replica-" + agg)));
        }
        assertEquals(300, produced.stream().distinct().count());
    }

    /** A worker of its own on the one outbox, as a second replica would be. */
    private static int runUntil(dev.intake.platform.work.WorkEngine engine, OutboxRelay relay, RecorderControl consumer,
            Instant deadline) {
        int delivered = 0;
        while (consumer.appliedOf("replica-") < 300 && Instant.now().isBefore(deadline)) {
            delivered += engine.cycle(relay).await().atMost(Duration.ofSeconds(10));
        }
        return delivered;
    }
}
