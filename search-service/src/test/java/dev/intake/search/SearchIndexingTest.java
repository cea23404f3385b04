package dev.intake.search;

import static dev.intake.search.Events.admin;
import static dev.intake.search.Events.apply;
import static dev.intake.search.Events.document;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.meilisearch.sdk.model.Settings;

import dev.intake.search.client.MeiliGateway;
import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class SearchIndexingTest {

    @Inject
    MeiliGateway meili;

    private static JsonPath search(String query) {
        return admin().get("/api/v1/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void indexSettingsAreAppliedAtStartup() {
        Settings settings = meili.settings(meili.liveIndex());
        assertArrayEquals(new String[] { "title", "filename", "keywords", "tags", "description", "contactName",
                "contactCompany", "text" }, settings.getSearchableAttributes());
        assertTrue(Arrays.asList(settings.getFilterableAttributes()).containsAll(List.of("contactId", "documentType",
                "status", "fileExtension", "language", "uploadedAt")));
        assertTrue(Arrays.asList(settings.getSortableAttributes()).containsAll(List.of("uploadedAt", "processedAt", "size")));
        assertEquals("documentId", settings.getDistinctAttribute());
        assertEquals("words", settings.getRankingRules()[0]);
        assertTrue(settings.getTypoTolerance().isEnabled());
        assertEquals(100, settings.getFaceting().getMaxValuesPerFacet());
        admin().get("/api/v1/search/stats").then().statusCode(200).body("settingsApplied", equalTo(true))
                .body("index", equalTo("documents"));
    }

    @Test
    void aProcessedDocumentIsIndexedOnceEvenWhenDeliveredTwice() {
        UUID eventId = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        ObjectNode payload = document(doc, contact, "proposal.pdf", "The marmalade proposal for next year");
        Events.post(eventId, "document.processed", payload).then().statusCode(200).body("status", equalTo("applied"));
        Events.post(eventId, "document.processed", payload).then().statusCode(200).body("status", equalTo("duplicate"));

        JsonPath found = search("q=marmalade&contactId=" + contact);
        assertEquals(1, found.getInt("totalHits"));
        assertEquals(doc.toString(), found.getString("hits[0].documentId"));
        assertEquals("proposal.pdf", found.getString("hits[0].filename"));
        assertEquals(1, meili.count(meili.liveIndex(), "documentId = \"" + doc + "\""));
        given().get("/q/metrics").then().body(containsString("search_index_lag_seconds"))
                .body(containsString("search_queries_total"));
    }

    @Test
    void typosStillMatch() {
        UUID contact = UUID.randomUUID();
        apply("document.processed", document(UUID.randomUUID(), contact, "biology.pdf", "Notes on photosynthesis in leaves"));
        assertEquals(1, search("q=photosyntesis&contactId=" + contact).getInt("totalHits"));
    }

    @Test
    void aPhraseMatchesOnlyTheWordsInThatOrder() {
        UUID contact = UUID.randomUUID();
        UUID inOrder = UUID.randomUUID();
        apply("document.processed", document(inOrder, contact, "a.pdf", "our quarterly revenue grew again"));
        apply("document.processed", document(UUID.randomUUID(), contact, "b.pdf", "revenue was not quarterly at all"));
        assertEquals(2, search("q=quarterly revenue&contactId=" + contact).getInt("totalHits"));
        JsonPath phrase = search("q=\"quarterly revenue\"&contactId=" + contact);
        assertEquals(1, phrase.getInt("totalHits"));
        assertEquals(inOrder.toString(), phrase.getString("hits[0].documentId"));
    }

    @Test
    void filtersFacetsSortAndPaging() {
        UUID contact = UUID.randomUUID();
        String[][] rows = { // type, status, extension, language, uploadedAt, size
                { "invoice", "COMPLETED", "pdf", "en", "2026-01-10T08:00:00Z", "500" },
                { "invoice", "COMPLETED", "pdf", "de", "2026-02-10T08:00:00Z", "100" },
                { "invoice", "FAILED", "docx", "en", "2026-03-10T08:00:00Z", "300" },
                { "contract", "COMPLETED", "docx", "en", "2026-04-10T08:00:00Z", "200" },
                { "contract", "COMPLETED", "pdf", "fr", "2026-05-10T08:00:00Z", "400" } };
        for (String[] row : rows) {
            ObjectNode d = document(UUID.randomUUID(), contact, row[0] + "." + row[2], "facet test words " + row[0]);
            d.put("documentType", row[0]).put("status", row[1]).put("fileExtension", row[2]).put("language", row[3])
                    .put("uploadedAt", row[4]).put("sizeBytes", Long.parseLong(row[5]));
            apply("document.processed", d);
        }
        String mine = "contactId=" + contact;
        assertEquals(5, search(mine).getInt("totalHits"));
        assertEquals(3, search(mine + "&documentType=invoice").getInt("totalHits"));
        assertEquals(5, search(mine + "&documentType=invoice,contract").getInt("totalHits"));
        assertEquals(1, search(mine + "&status=failed").getInt("totalHits"));
        assertEquals(2, search(mine + "&extension=.DOCX").getInt("totalHits"));
        assertEquals(1, search(mine + "&language=de").getInt("totalHits"));
        assertEquals(2, search(mine + "&uploadedFrom=2026-02-10&uploadedTo=2026-03-10").getInt("totalHits"));
        assertEquals(1, search(mine + "&uploadedFrom=2026-05-01T00:00:00Z").getInt("totalHits"));
        assertEquals(1, search(mine + "&documentType=invoice&extension=docx").getInt("totalHits"));

        JsonPath facets = search(mine + "&facets=documentType,status,fileExtension");
        assertEquals(3, facets.getInt("facets.documentType.invoice"));
        assertEquals(2, facets.getInt("facets.documentType.contract"));
        assertEquals(4, facets.getInt("facets.status.COMPLETED"));
        assertEquals(1, facets.getInt("facets.status.FAILED"));
        assertEquals(3, facets.getInt("facets.fileExtension.pdf"));

        assertEquals(List.of(100, 200, 300, 400, 500), search(mine + "&sort=size:asc").getList("hits.size", Integer.class));
        assertEquals(List.of("2026-05-10T08:00:00Z", "2026-04-10T08:00:00Z"),
                search(mine + "&sort=uploadedAt:desc&size=2").getList("hits.uploadedAt", String.class));

        JsonPath page2 = search(mine + "&sort=size:asc&page=2&size=2");
        assertEquals(List.of(300, 400), page2.getList("hits.size", Integer.class));
        assertEquals(5, page2.getInt("totalHits"));
        assertEquals(3, page2.getInt("totalPages"));
        assertEquals(2, page2.getInt("page"));
        assertEquals(List.of(500), search(mine + "&sort=size:asc&page=3&size=2").getList("hits.size", Integer.class));
    }

    @Test
    void aWordPastPosition65535IsFoundAndTheDocumentAppearsOnce() {
        UUID contact = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            text.append("filler").append(i % 50).append(i % 13 == 0 ? ". " : " ");
        }
        text.append("xylophonist");
        apply("document.processed", document(doc, contact, "long.txt", text.toString()));

        JsonPath found = search("q=xylophonist&contactId=" + contact);
        assertEquals(1, found.getInt("totalHits"));
        assertEquals(doc.toString(), found.getString("hits[0].documentId"));
        assertTrue(found.getString("hits[0].highlights.snippet").contains("<mark>xylophonist</mark>"));
        assertEquals(1, search("q=filler7&contactId=" + contact).getInt("totalHits"));
        assertEquals(15, meili.count(meili.liveIndex(), "documentId = \"" + doc + "\""));
        JsonPath facets = search("contactId=" + contact + "&facets=documentType");
        assertEquals(1, facets.getInt("totalHits"));
        assertEquals(1, facets.getInt("facets.documentType.report"), "facet counts count documents, not chunks");

        // a shorter text later leaves no stale chunks behind
        apply("document.processed", document(doc, contact, "long.txt", "now a short text"));
        assertEquals(1, meili.count(meili.liveIndex(), "documentId = \"" + doc + "\""));
        assertEquals(0, search("q=xylophonist&contactId=" + contact).getInt("totalHits"));
    }

    @Test
    void snippetsAreHtmlEscapedAroundTheMarks() {
        UUID contact = UUID.randomUUID();
        apply("document.processed", document(UUID.randomUUID(), contact, "<img src=x onerror=alert(1)>.html",
                "before <script>alert('x')</script> & the needleword \uE000 after"));
        JsonPath found = search("q=needleword&contactId=" + contact);
        String snippet = found.getString("hits[0].highlights.snippet");
        assertTrue(snippet.contains("<mark>needleword</mark>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"), snippet);
        assertTrue(!snippet.contains("<script") && !snippet.contains("\uE000"), snippet);
        assertEquals(1, snippet.split("<mark>", -1).length - 1, snippet);

        String filename = search("q=onerror&contactId=" + contact).getString("hits[0].highlights.filename");
        assertTrue(filename.startsWith("&lt;img src=x <mark>onerror</mark>"), filename);
    }

    @Test
    void deletingADocumentRemovesItsEntries() {
        UUID contact = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        apply("document.processed", document(doc, contact, "gone.pdf", "ephemeral content"));
        assertEquals(1, search("q=ephemeral&contactId=" + contact).getInt("totalHits"));
        apply("document.deleted", Events.ids("documentId", doc.toString(), "contactId", contact.toString()));
        assertEquals(0, search("q=ephemeral&contactId=" + contact).getInt("totalHits"));
        apply("document.deleted", Events.ids("documentId", doc.toString(), "contactId", contact.toString()));
    }

    @Test
    void deletingAContactRemovesAllItsDocumentsAndKeepsLateOnesOut() {
        UUID contact = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        apply("contact.submitted", Events.contact(contact, "Erin Erasable", "Forget Me Ltd"));
        apply("document.processed", document(UUID.randomUUID(), contact, "one.pdf", "erasure words"));
        apply("document.processed", document(UUID.randomUUID(), contact, "two.pdf", "erasure words"));
        apply("document.processed", document(UUID.randomUUID(), other, "keep.pdf", "erasure words"));
        assertEquals(2, search("q=erasure&contactId=" + contact).getInt("totalHits"));

        apply("contact.deleted", Events.ids("contactId", contact.toString()));
        assertEquals(0, search("q=erasure&contactId=" + contact).getInt("totalHits"));
        assertEquals(0, search("q=Erasable").getInt("totalHits"));
        assertEquals(1, search("q=erasure&contactId=" + other).getInt("totalHits"));

        // a document.processed of the erased contact arriving late (another producer) stays out
        apply("document.processed", document(UUID.randomUUID(), contact, "late.pdf", "erasure words"));
        assertEquals(0, search("q=erasure&contactId=" + contact).getInt("totalHits"));
        // and a replayed contact.submitted does not bring the name back
        apply("contact.submitted", Events.contact(contact, "Erin Erasable", "Forget Me Ltd"));
        assertEquals(0, search("q=Erasable").getInt("totalHits"));
    }

    @Test
    void contactNameAndCompanyMakeDocumentsFindableInEitherOrder() {
        UUID contact = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        apply("document.processed", document(early, contact, "early.pdf", "some content"));
        apply("contact.submitted", Events.contact(contact, "Zebulon Quixote", "Windmill Works"));
        JsonPath byName = search("q=Quixote&contactId=" + contact);
        assertEquals(1, byName.getInt("totalHits"));
        assertEquals("Zebulon Quixote", byName.getString("hits[0].contactName"));
        assertEquals("Zebulon <mark>Quixote</mark>", byName.getString("hits[0].highlights.contactName"));

        apply("document.processed", document(UUID.randomUUID(), contact, "later.pdf", "other content"));
        assertEquals(2, search("q=Windmill&contactId=" + contact).getInt("totalHits"));
    }

    @Test
    void filterInjectionAndBadParametersAreRefusedNamingTheField() {
        String[][] cases = {
                { "documentType=x\" OR contactId EXISTS", "documentType" },
                { "documentType=x%22%20OR%20contactId%20EXISTS", "documentType" },
                { "contactId=1 OR 1=1", "contactId" },
                { "status=COMPLETED OR status EXISTS", "status" },
                { "extension=pdf\"] OR [\"", "extension" },
                { "language=en\\", "language" },
                { "uploadedFrom=0 OR uploadedAt > 0", "uploadedFrom" },
                { "sort=text:asc", "sort" },
                { "sort=size:sideways", "sort" },
                { "facets=text", "facets" },
                { "page=0", "page" },
                { "page=abc", "page" },
                { "size=101", "size" },
                { "page=200&size=100", "page" } };
        for (String[] c : cases) {
            admin().urlEncodingEnabled(!c[0].contains("%")).get("/api/v1/search?" + c[0]).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", everyItem(equalTo(c[1])))
                    .body(not(containsString("Meili"))).body(not(containsString("filter_")));
        }
    }

    @Test
    void searchingNeedsAdminCredentials() {
        given().get("/api/v1/search?q=x").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "nope").get("/api/v1/search?q=x").then().statusCode(401);
        given().post("/api/v1/search/reindex").then().statusCode(401);
        given().get("/api/v1/search/stats").then().statusCode(401);
    }

    @Test
    void hitsCarryProcessingTimeAndFacetsOnlyWhenAsked() {
        UUID contact = UUID.randomUUID();
        apply("document.processed", document(UUID.randomUUID(), contact, "x.pdf", "plain words"));
        admin().get("/api/v1/search?q=plain&contactId=" + contact).then().statusCode(200)
                .body("processingTimeMs", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("hits[0]", org.hamcrest.Matchers.hasKey("highlights"))
                .body("hits[0].keySet()", hasItems("documentId", "contactId", "filename", "uploadedAt"))
                .body("facets.size()", equalTo(0));
    }
}
