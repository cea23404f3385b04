package dev.intake.search;

import static dev.intake.search.Events.admin;
import static dev.intake.search.Events.apply;
import static dev.intake.search.Events.document;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.search.client.MeiliGateway;
import dev.intake.search.service.IndexSettings;
import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ReindexTest {

    @Inject
    MeiliGateway meili;
    @Inject
    Pool pool;

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void eventsAlsoGoToTheIndexAnotherReplicaIsRebuildingUntilItsLeaseLapses() {
        String elsewhere = "documents_elsewhere";
        meili.ensureIndex(elsewhere, IndexSettings.documents());
        sql("UPDATE search_reindex SET phase = 'RUNNING', owner = 'another-replica', building_index = '" + elsewhere
                + "', heartbeat_at = now(), started_at = now() WHERE id = 1");
        try {
            admin().post("/api/v1/search/reindex").then().statusCode(409);
            UUID during = UUID.randomUUID();
            apply("document.processed", document(during, UUID.randomUUID(), "both.pdf", "both indexes"));
            assertEquals(1, meili.count(elsewhere, "documentId = \"" + during + "\""));
            assertEquals(1, meili.count(meili.liveIndex(), "documentId = \"" + during + "\""));

            sql("UPDATE search_reindex SET heartbeat_at = now() - interval '10 minutes' WHERE id = 1");
            UUID after = UUID.randomUUID();
            apply("document.processed", document(after, UUID.randomUUID(), "live.pdf", "live only"));
            assertEquals(0, meili.count(elsewhere, "documentId = \"" + after + "\""));
            admin().get("/api/v1/search/stats").then().statusCode(200).body("reindex.phase", equalTo("FAILED"));
        } finally {
            sql("UPDATE search_reindex SET phase = 'IDLE', owner = NULL, building_index = NULL WHERE id = 1");
            meili.deleteIndexIfExists(elsewhere);
        }
    }

    private static int hits(String query) {
        return admin().get("/api/v1/search?" + query).then().statusCode(200).extract().jsonPath().getInt("totalHits");
    }

    @Test
    void aRebuildSwapsInANewIndexWhileSearchesKeepAnswering() throws InterruptedException {
        UUID contact = UUID.randomUUID();
        apply("contact.submitted", Events.contact(contact, "Rebecca Rebuild", null));
        // only in the live index: document-service no longer has it, the rebuild drops it
        apply("document.processed", document(UUID.randomUUID(), contact, "orphan.pdf", "rebuildword orphanword"));
        List<ObjectNode> served = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            served.add(document(UUID.randomUUID(), contact, "served-" + i + ".pdf", "rebuildword servedword number" + i));
        }
        DocumentServiceStandIn.serve(served, 300);
        assertEquals(1, hits("q=rebuildword&contactId=" + contact));

        admin().post("/api/v1/search/reindex").then().statusCode(202).body("phase", equalTo("RUNNING"));
        admin().post("/api/v1/search/reindex").then().statusCode(409).contentType("application/problem+json");

        UUID duringRebuild = UUID.randomUUID();
        boolean eventSent = false;
        int searchesWhileRunning = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String phase;
        do {
            int found = hits("q=rebuildword&contactId=" + contact + "&size=1");
            searchesWhileRunning++;
            assertTrue(found >= 1, "a search during the rebuild found nothing");
            if (!eventSent && admin().get("/api/v1/search/stats").jsonPath().getString("reindex.buildingIndex") != null) {
                apply("document.processed", document(duringRebuild, contact, "during.pdf", "duringword"));
                eventSent = true;
            }
            phase = admin().get("/api/v1/search/stats").then().statusCode(200).extract().jsonPath().getString("reindex.phase");
            Thread.sleep(20);
        } while ("RUNNING".equals(phase) && System.nanoTime() < deadline);

        assertEquals("SUCCEEDED", phase);
        assertTrue(eventSent, "the rebuild ended before an event could be sent during it");
        assertTrue(searchesWhileRunning > 5, "searches while running: " + searchesWhileRunning);
        assertTrue(DocumentServiceStandIn.pagesServed() >= 3);
        assertEquals(450, hits("q=servedword&contactId=" + contact));
        assertEquals(0, hits("q=orphanword&contactId=" + contact));
        assertEquals(1, hits("q=duringword&contactId=" + contact), "an event applied during the rebuild was lost");
        assertEquals(451, hits("q=Rebecca&contactId=" + contact));
        JsonPath stats = admin().get("/api/v1/search/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(451, stats.getInt("documents"));
        assertEquals(450, stats.getInt("reindex.documents"));
    }
}
