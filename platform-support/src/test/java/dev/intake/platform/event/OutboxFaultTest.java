package dev.intake.platform.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** 1,000 events while the consumer is down, up, and down again mid-way: every one applied once. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class OutboxFaultTest {

    RecorderControl consumer = new RecorderControl();

    private static final Logger LOG = Logger.getLogger(OutboxFaultTest.class);
    private static final int AGGREGATES = 10;
    private static final int PER_AGGREGATE = 100;

    @Test
    void thousandEventsSurviveAConsumerThatComesAndGoes() throws InterruptedException {
                consumer.stop();
        List<UUID> produced = new java.util.ArrayList<>();
        try {
            for (int a = 0; a < AGGREGATES; a++) {
                if (a == AGGREGATES / 2) {
                    consumer.start();
                }
                produced.addAll(ProbeEvents.publish("fault-" + a, 0, PER_AGGREGATE));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.appliedOf("fault-") >= 300);
            consumer.stop();
            Thread.sleep(1000);
        } finally {
            consumer.start();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> consumer.appliedOf("fault-") == 1000);
        assertEquals(1000, produced.stream().distinct().count());
        assertEquals(1000, produced.stream().filter(consumer.applied()::contains).count());
        for (int a = 0; a < AGGREGATES; a++) {
            List<Integer> order = ProbeEvents.positions(consumer.receiptsOf("fault-" + a)).stream().distinct().toList();
            assertEquals(IntStream.range(0, PER_AGGREGATE).boxed().toList(), order, "aggregate fault-" + a);
        }
        long receipts = consumer.receipts().stream().filter(r -> r.aggregate().startsWith("fault-")).count();
        LOG.infof("fault test: 1000 applied from %d receipts (redeliveries after connection loss are deduplicated)",
                receipts);
    }
}
