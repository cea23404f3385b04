package dev.intake.platform.event;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;

/** The test's handle on the {@link RecordingConsumer}, through its control endpoint. */
final class RecorderControl {

    static final String URL_PROPERTY = "test.recorder.control-url";

    record Receipt(UUID eventId, String aggregate, int position, long atNanos, String token, String correlationId) {
    }

    private final String url = ConfigProvider.getConfig().getValue(URL_PROPERTY, String.class);

    void stop() {
        given().post(url + "/stop").then().statusCode(200);
    }

    void start() {
        given().post(url + "/start").then().statusCode(200);
    }

    void failNext(String aggregate, int times) {
        given().post(url + "/fail?aggregate=" + aggregate + "&times=" + times).then().statusCode(200);
    }

    void acceptPoison(boolean accept) {
        given().post(url + "/accept-poison?value=" + accept).then().statusCode(200);
    }

    List<Receipt> receipts() {
        JsonPath state = given().get(url + "/state").then().statusCode(200).extract().jsonPath();
        return state.getList("receipts", Receipt.class);
    }

    List<Receipt> receiptsOf(String aggregate) {
        return receipts().stream().filter(r -> r.aggregate().equals(aggregate)).toList();
    }

    int batches() {
        return given().get(url + "/state").then().extract().jsonPath().getInt("batches");
    }

    Set<UUID> applied() {
        return given().get(url + "/state").then().extract().jsonPath().getList("applied", String.class).stream()
                .map(UUID::fromString).collect(Collectors.toSet());
    }

    long appliedOf(String aggregatePrefix) {
        Set<UUID> applied = applied();
        return receipts().stream().filter(r -> r.aggregate().startsWith(aggregatePrefix))
                .map(Receipt::eventId).distinct().filter(applied::contains).count();
    }
}
