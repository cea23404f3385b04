package dev.intake.notification.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.notification.config.MailConfig;
import dev.intake.notification.config.SesConfig;
import dev.intake.notification.model.MailMessage;
import dev.intake.platform.client.PeerClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * Sends one mail through the SES v2 API ({@code SendEmail}, simple content), which Amazon SES and the local
 * emulator both answer: a JSON POST signed with Signature Version 4, on the platform's {@link PeerClient}
 * (keep-alive connections, as many as mails are sent at once), so no thread waits for SES. Fails with a {@link SendFailure}, already classified.
 */
@ApplicationScoped
public class SesMailer {

    static final String SEND_PATH = "/v2/email/outbound-emails";
    private static final String JSON = "application/json";

    private final URI sendUri;
    private final SigV4Signer signer;
    private final String from;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    /** SES answers a message id or an error of a few hundred bytes. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final PeerClient http;

    @Inject
    public SesMailer(Vertx vertx, SesConfig ses, MailConfig mail, ObjectMapper json) {
        this(new PeerClient(vertx, mail.sender().sendConcurrency(), ses.connectTimeout()),
                URI.create(ses.endpoint().replaceAll("/+$", "") + SEND_PATH),
                new SigV4Signer(ses.accessKeyId(), ses.secretAccessKey(), ses.region(), "ses"), mail.from(),
                ses.requestTimeout(), json);
    }

    public SesMailer(PeerClient http, URI sendUri, SigV4Signer signer, String from, Duration requestTimeout,
            ObjectMapper json) {
        this.http = http;
        this.sendUri = sendUri;
        this.signer = signer;
        this.from = from;
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Completes with the SES message id (null if a successful answer named none). */
    public Uni<String> send(MailMessage mail) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request(mail));
        } catch (IOException e) {
            return Uni.createFrom().failure(new SendFailure(false, "the mail could not be written as JSON"));
        }
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", sendUri, JSON, body, Instant.now()));
        headers.put("Content-Type", JSON);
        return http.send(HttpMethod.POST, sendUri, headers, body, requestTimeout, MAX_ANSWER_BYTES)
                .onFailure().transform(SesFailures::classify)
                .map(this::messageId);
    }

    private String messageId(PeerClient.Answer response) {
        JsonNode answer = parse(response.body());
        if (response.status() / 100 != 2) {
            // the code is in x-amzn-ErrorType ("TooManyRequestsException:http://internal.amazon.com/...") or in __type
            String errorType = response.header("x-amzn-ErrorType");
            String code = errorType != null && !errorType.split(":", 2)[0].isBlank() ? errorType.split(":", 2)[0].trim()
                    : typeCode(text(answer, "__type"));
            String message = text(answer, "message");
            throw SesFailures.answer(response.status(), code, message != null ? message : text(answer, "Message"));
        }
        // null when SES took the mail without naming it: sending it again would send it twice
        return text(answer, "MessageId");
    }

    private static String typeCode(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('#') + 1);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private ObjectNode request(MailMessage mail) {
        ObjectNode request = json.createObjectNode();
        request.put("FromEmailAddress", from);
        mail.to().forEach(request.putObject("Destination").putArray("ToAddresses")::add);
        if (mail.replyTo() != null) {
            request.putArray("ReplyToAddresses").add(mail.replyTo());
        }
        ObjectNode simple = request.putObject("Content").putObject("Simple");
        utf8(simple.putObject("Subject"), mail.subject());
        ObjectNode body = simple.putObject("Body");
        utf8(body.putObject("Text"), mail.text());
        if (mail.html() != null) {
            utf8(body.putObject("Html"), mail.html());
        }
        return request;
    }

    private static void utf8(ObjectNode content, String data) {
        content.put("Data", data).put("Charset", "UTF-8");
    }
}
