package dev.intake.platform.event;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

/** Publishes probe events through the test application's producer endpoint. */
final class ProbeEvents {

    private ProbeEvents() {
    }

    static List<UUID> publish(String aggregate, int from, int count) {
        return publish(aggregate, from, count, false);
    }

    static List<UUID> publish(String aggregate, int from, int count, boolean poison) {
        List<String> ids = given().queryParam("aggregate", aggregate).queryParam("from", from)
                .queryParam("count", count).queryParam("poison", poison)
                .header("X-Correlation-ID", "produce-" + aggregate)
                .post("/api/v1/probe-events/publish")
                .then().statusCode(200).extract().jsonPath().getList("$", String.class);
        return ids.stream().map(UUID::fromString).toList();
    }

    static List<Integer> positions(List<RecorderControl.Receipt> receipts) {
        return receipts.stream().map(RecorderControl.Receipt::position).toList();
    }
}
