package dev.intake.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class NotificationAdminApiTest {

    @Inject
    Pool pool;

    @Test
    void everyEndpointNeedsAdminCredentials() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        given().get("/api/v1/notifications/" + id).then().statusCode(401);
        given().post("/api/v1/notifications/" + id + "/retry").then().statusCode(401);
        given().get("/api/v1/notifications/suppressions").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get("/api/v1/notifications").then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({ "size,0", "size,101", "size,ten", "page,-1", "status,LOST", "template,digest", "from,yesterday", "to,12/01/2026",
            "contactId,42" })
    void aBadParameterIsAProblemNamingTheField(String field, String value) {
        Api.admin().queryParam(field, value).get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void anEmptyRangeIsRejected() {
        Api.admin().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01T00:00:00Z")
                .get("/api/v1/notifications").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void theListIsPagedNewestFirstAndFiltered() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Paged " + contactId, "paged@example.net", null));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Api.awaitRow(contactId, "contact-confirmation", Api.status("SENT"));

        Api.admin().queryParam("size", 1).queryParam("contactId", contactId.toString())
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(2)).body("size", equalTo(1))
                .body("page", equalTo(0));
        Api.admin().queryParam("template", "contact-confirmation").queryParam("contactId", contactId.toString())
                .get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].template", equalTo("contact-confirmation"));
        Api.admin().queryParam("status", "sent").queryParam("from", "2020-01-01").queryParam("size", 100)
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.status", everyItem(equalTo("SENT"))).body("items.size()", lessThanOrEqualTo(100));
        Api.admin().queryParam("to", "2020-01-01T00:00:00Z").get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(0));

        var items = Api.admin().queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items");
        for (int i = 1; i < items.size(); i++) {
            String newer = (String) items.get(i - 1).get("createdAt");
            String older = (String) items.get(i).get("createdAt");
            assertEquals(true, java.time.OffsetDateTime.parse(newer).compareTo(java.time.OffsetDateTime.parse(older)) >= 0,
                    newer + " before " + older);
        }
    }

    @Test
    void aFailedMailCanBeRetriedAndIsThenSent() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Retry " + contactId, "retry@example.net", null));
        Map<String, Object> admin = Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        String id = (String) admin.get("id");

        Api.admin().post("/api/v1/notifications/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");

        // as after a permanent failure
        pool.preparedQuery("UPDATE notification SET status = 'FAILED', last_error = 'x' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        Api.admin().post("/api/v1/notifications/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Mailbox.await(m -> m.subject().contains(contactId.toString()), 2);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        Api.admin().get("/api/v1/notifications/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.admin().get("/api/v1/notifications/not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        Api.admin().post("/api/v1/notifications/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        Api.admin().contentType("application/json").body("{\"reason\":\"bounce\"}")
                .put("/api/v1/notifications/suppressions/not-an-address").then().statusCode(400)
                .body("errors.field", hasItem("email"));
    }

    @Test
    void mailMetricsHaveBoundedLabels() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Metrics " + contactId, "metrics@example.net", null));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "notification_mails_total{outcome=\"sent\",template=\"contact-admin\"}"))
                .body(org.hamcrest.Matchers.containsString("notification_send_seconds_count{template=\"contact-admin\"}"))
                .body(org.hamcrest.Matchers.containsString("notification_retry_backlog"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(contactId.toString())));
    }
}
