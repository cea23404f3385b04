package dev.intake.notification.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.intake.notification.model.MailMessage;
import dev.intake.testsupport.Net;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * The SES emulator accepts every mail, so the classification of SES errors is checked against a real HTTP
 * server standing in for SES that answers what Amazon SES answers (query-protocol XML errors), through the
 * same SDK client and HTTP client the service uses.
 */
class SesFailuresAgainstStubServerTest {

    private static final MailMessage MAIL = new MailMessage(List.of("someone@example.net", "other@example.net"),
            "reply@example.net",
            "Subject", "text", "<p>html</p>");

    private HttpServer server;
    private SesClient client;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    record Answer(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
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
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
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
        client = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private static SesClient client(URI endpoint) {
        return SesClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "stub-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMillis(500))
                        .connectionTimeout(Duration.ofMillis(500)))
                // one HTTP call per send, so each answer is classified as it is
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>req-1</RequestId></ErrorResponse>";
    }

    private SendFailure failureFor(int status, String body) {
        answer.set(new Answer(status, body, 0));
        return assertThrows(SendFailure.class, () -> new SesMailer(client, "intake@example.org").send(MAIL));
    }

    @Test
    void aSuccessfulSendReturnsTheMessageIdAndSendsEveryField() {
        answer.set(new Answer(200, "<SendEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                + "<SendEmailResult><MessageId>msg-42</MessageId></SendEmailResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SendEmailResponse>", 0));
        assertEquals("msg-42", new SesMailer(client, "intake@example.org").send(MAIL));
        String form = URLDecoder.decode(lastRequest.get(), StandardCharsets.UTF_8);
        assertTrue(form.contains("Action=SendEmail"), form);
        assertTrue(form.contains("Source=intake@example.org"), form);
        assertTrue(form.contains("Destination.ToAddresses.member.1=someone@example.net"), form);
        assertTrue(form.contains("Destination.ToAddresses.member.2=other@example.net"), form);
        assertTrue(form.contains("ReplyToAddresses.member.1=reply@example.net"), form);
        assertTrue(form.contains("Message.Body.Html.Data=<p>html</p>"), form);
    }

    @Test
    void aRejectedMessageIsPermanentAndItsStoredErrorHasNoAddress() {
        SendFailure failure = failureFor(400, error("MessageRejected",
                "Email address is not verified. The following identities failed the check in region US-EAST-1:"
                        + " intake@example.org"));
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().startsWith("SES 400 MessageRejected: Email address is not verified"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("@"), failure.getMessage());
    }

    @Test
    void anInvalidAddressIsPermanent() {
        SendFailure failure = failureFor(400, error("InvalidParameterValue", "Missing final '@domain'"));
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().contains("InvalidParameterValue"), failure.getMessage());
    }

    @Test
    void anUnverifiedSenderDomainIsPermanent() {
        assertFalse(failureFor(400, error("MailFromDomainNotVerifiedException", "not verified")).isTransient());
    }

    @Test
    void throttlingIsTransient() {
        SendFailure failure = failureFor(400, error("Throttling", "Maximum sending rate exceeded."));
        assertTrue(failure.isTransient());
        assertEquals("SES 400 Throttling: Maximum sending rate exceeded.", failure.getMessage());
    }

    @Test
    void serverErrorsAreTransient() {
        assertTrue(failureFor(500, error("InternalFailure", "internal")).isTransient());
        assertTrue(failureFor(503, error("ServiceUnavailable", "try later")).isTransient());
    }

    @Test
    void aPausedAccountIsTransient() {
        assertTrue(failureFor(400, error("AccountSendingPausedException", "paused")).isTransient());
    }

    @Test
    void aTimeoutIsTransient() {
        answer.set(new Answer(200, "<x/>", 2000));
        SendFailure failure = assertThrows(SendFailure.class,
                () -> new SesMailer(client, "intake@example.org").send(MAIL));
        assertTrue(failure.isTransient());
        assertTrue(failure.getMessage().startsWith("SdkClientException"), failure.getMessage());
    }

    @Test
    void noServerIsTransientAndTheErrorCarriesNoSecret() throws IOException {
        try (SesClient nowhere = client(URI.create(Net.closedUrl()))) {
            SendFailure failure = assertThrows(SendFailure.class,
                    () -> new SesMailer(nowhere, "intake@example.org").send(MAIL));
            assertTrue(failure.isTransient());
            assertFalse(failure.getMessage().contains("stub-secret-key"), failure.getMessage());
            assertFalse(failure.getMessage().contains("AKIAIOSFODNN7EXAMPLE"), failure.getMessage());
        }
    }
}
