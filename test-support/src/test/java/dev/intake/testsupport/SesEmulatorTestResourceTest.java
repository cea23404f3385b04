package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class SesEmulatorTestResourceTest {

    private static final String SEND_EMAIL = "{\"FromEmailAddress\":\"intake@example.org\","
            + "\"Destination\":{\"ToAddresses\":[\"admin@example.org\"]},"
            + "\"ReplyToAddresses\":[\"submitter@example.org\"],"
            + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"New contact 42\"},"
            + "\"Body\":{\"Text\":{\"Data\":\"Someone wrote to us.\"}}}}}";

    @Test
    void acceptsV2SendEmailAndShowsItInTheStore() throws Exception {
        ServerChecks.exercise(new SesEmulatorTestResource(), SesEmulatorTestResource::current, config -> {
            String endpoint = config.get("ses.endpoint");
            assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+"), endpoint);
            HttpResponse<String> sent = ServerChecks.send(ServerChecks.request(endpoint + "/v2/email/outbound-emails")
                    .header("Content-Type", "application/json")
                    // the emulator wants some Authorization header; it does not check the signature
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20250101/us-east-1/ses/aws4_request,"
                            + " SignedHeaders=content-type;host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(SEND_EMAIL)));
            assertEquals(200, sent.statusCode(), sent.body());
            assertTrue(sent.body().contains("MessageId"), sent.body());

            HttpResponse<String> store = ServerChecks.send(ServerChecks.request(endpoint + "/store"));
            assertEquals(200, store.statusCode());
            assertTrue(store.body().contains("New contact 42"), store.body());
            assertTrue(store.body().contains("admin@example.org"), store.body());
        }, config -> ServerChecks.answers(config.get("ses.endpoint") + "/store"), config -> {
            // the emulator keeps mail in memory only: a restart starts with an empty store
            assertEquals(200, ServerChecks.send(ServerChecks.request(config.get("ses.endpoint") + "/store"))
                    .statusCode());
        });
    }
}
