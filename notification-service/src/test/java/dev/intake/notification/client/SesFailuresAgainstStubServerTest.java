package dev.intake.notification.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.intake.notification.model.MailMessage;
import dev.intake.platform.client.PeerClient;
import dev.intake.testsupport.Net;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * The SES emulator accepts every mail, so the classification of SES errors is checked against a real HTTP
 * server standing in for SES that answers what the Amazon SES v2 API answers (REST-JSON errors with
 * {@code x-amzn-ErrorType}), through the same client the service uses.
 */
class SesFailuresAgainstStubServerTest {

    private static final MailMessage MAIL = new MailMessage(List.of("someone@example.net", "other@example.net"),
            "reply@example.net", "Subject", "text", "<p>html</p>");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Vertx VERTX = Vertx.vertx();

    private HttpServer server;
    private SesMailer mailer;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();

    record Answer(int status, String errorType, String body, long delayMillis) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastPath.set(exchange.getRequestURI().getPath());
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer a = answer.get();
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (a.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", a.errorType() + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/");
            }
            try {
                exchange.sendResponseHeaders(a.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException closedByClient) {
                // the client timed out first
            }
        });
        server.start();
        mailer = mailer(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private static SesMailer mailer(URI endpoint) {
        return new SesMailer(new PeerClient(VERTX, 4, Duration.ofMillis(500)), endpoint.resolve(SesMailer.SEND_PATH),
                new SigV4Signer("AKIAIOSFODNN7EXAMPLE", "stub-secret-key", "us-east-1", "ses"), "intake@example.org",
                Duration.ofSeconds(2), JSON); // the first call of a JVM loads the client: not much shorter
    }

    private SendFailure failureFor(int status, String code, String message) {
        answer.set(new Answer(status, code, "{\"message\":\"" + message + "\"}", 0));
        return sendFails(mailer);
    }

    private static SendFailure sendFails(SesMailer mailer) {
        Throwable failure = assertThrows(Throwable.class, () -> mailer.send(MAIL).await().atMost(Duration.ofSeconds(10)));
        assertTrue(failure instanceof SendFailure, "classified: " + failure);
        return (SendFailure) failure;
    }

    @Test
    void aSuccessfulSendReturnsTheMessageIdAndSendsEveryFieldSigned() throws IOException {
        answer.set(new Answer(200, null, "{\"MessageId\":\"msg-42\"}", 0));
        assertEquals("msg-42", mailer.send(MAIL).await().atMost(Duration.ofSeconds(10)));
        assertEquals("/v2/email/outbound-emails", lastPath.get());
        JsonNode sent = JSON.readTree(lastRequest.get());
        assertEquals("intake@example.org", sent.path("FromEmailAddress").asText());
        assertEquals("someone@example.net", sent.path("Destination").path("ToAddresses").path(0).asText());
        assertEquals("other@example.net", sent.path("Destination").path("ToAddresses").path(1).asText());
        assertEquals("reply@example.net", sent.path("ReplyToAddresses").path(0).asText());
        assertEquals("Subject", sent.path("Content").path("Simple").path("Subject").path("Data").asText());
        assertEquals("text", sent.path("Content").path("Simple").path("Body").path("Text").path("Data").asText());
        assertEquals("<p>html</p>", sent.path("Content").path("Simple").path("Body").path("Html").path("Data").asText());
        assertTrue(lastAuthorization.get().startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"), lastAuthorization.get());
        assertTrue(lastAuthorization.get().contains("/us-east-1/ses/aws4_request"), lastAuthorization.get());
    }

    @Test
    void anAnswerLongerThanAnySesAnswerFailsTheCallInsteadOfFillingTheHeap() {
        answer.set(new Answer(200, null, "{\"MessageId\":\"" + "x".repeat(200_000) + "\"}", 0));
        SendFailure failure = sendFails(mailer);
        assertTrue(failure.isTransient(), "not known to be sent: tried again");
        assertTrue(failure.getMessage().contains("longer than 65536 bytes"), failure.getMessage());
    }

    @Test
    void aRejectedMessageIsPermanentAndItsStoredErrorHasNoAddress() {
        SendFailure failure = failureFor(400, "MessageRejected",
                "Email address is not verified. The following identities failed the check in region US-EAST-1:"
                        + " intake@example.org");
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().startsWith("SES 400 MessageRejected: Email address is not verified"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("@"), failure.getMessage());
    }

    @Test
    void aBadRequestIsPermanent() {
        SendFailure failure = failureFor(400, "BadRequestException", "Missing final '@domain'");
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().contains("BadRequestException"), failure.getMessage());
    }

    @Test
    void anUnverifiedSenderDomainIsPermanent() {
        assertFalse(failureFor(400, "MailFromDomainNotVerifiedException", "not verified").isTransient());
    }

    @Test
    void refusedCredentialsArePermanent() {
        assertFalse(failureFor(403, "InvalidSignatureException", "The request signature we calculated does not match")
                .isTransient());
    }

    @Test
    void throttlingIsTransient() {
        SendFailure failure = failureFor(429, "TooManyRequestsException", "Maximum sending rate exceeded.");
        assertTrue(failure.isTransient());
        assertEquals("SES 429 TooManyRequestsException: Maximum sending rate exceeded.", failure.getMessage());
        assertTrue(failureFor(400, "LimitExceededException", "daily quota").isTransient());
    }

    @Test
    void theCodeIsReadFromTheBodyWhenTheHeaderIsMissing() {
        answer.set(new Answer(400, null, "{\"__type\":\"com.amazonaws.sesv2#MessageRejected\",\"Message\":\"no\"}", 0));
        assertEquals("SES 400 MessageRejected: no", sendFails(mailer).getMessage());
    }

    @Test
    void serverErrorsAreTransient() {
        assertTrue(failureFor(500, "InternalFailure", "internal").isTransient());
        assertTrue(failureFor(503, null, "try later").isTransient());
    }

    @Test
    void aPausedAccountIsTransient() {
        assertTrue(failureFor(400, "SendingPausedException", "paused").isTransient());
    }

    @Test
    void aTimeoutIsTransient() {
        answer.set(new Answer(200, null, "{}", 5000));
        SendFailure failure = sendFails(mailer);
        assertTrue(failure.isTransient());
        assertTrue(failure.getMessage().startsWith("TimeoutException"), failure.getMessage());
    }

    @Test
    void noServerIsTransientAndTheErrorCarriesNoSecret() {
        SendFailure failure = sendFails(mailer(URI.create(Net.closedUrl())));
        assertTrue(failure.isTransient());
        assertFalse(failure.getMessage().contains("stub-secret-key"), failure.getMessage());
        assertFalse(failure.getMessage().contains("AKIAIOSFODNN7EXAMPLE"), failure.getMessage());
    }
}
