package dev.intake.notification.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.notification.config.MailConfig;
import dev.intake.notification.config.SesConfig;
import dev.intake.notification.model.MailMessage;
import dev.intake.platform.client.BoundedBody;
import io.smallrye.mutiny.Uni;

/**
 * Sends one mail through the SES v2 API ({@code SendEmail}, simple content), which Amazon SES and the local
 * emulator both answer: a JSON POST signed with Signature Version 4, on the JDK's asynchronous HTTP client,
 * so no thread waits for SES. Fails with a {@link SendFailure}, already classified.
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

    private final HttpClient http;

    @Inject
    public SesMailer(SesConfig ses, MailConfig mail, ObjectMapper json) {
        this(URI.create(ses.endpoint().replaceAll("/+$", "") + SEND_PATH),
                new SigV4Signer(ses.accessKeyId(), ses.secretAccessKey(), ses.region(), "ses"), mail.from(),
                ses.connectTimeout(), ses.requestTimeout(), json);
    }

    public SesMailer(URI sendUri, SigV4Signer signer, String from, Duration connectTimeout, Duration requestTimeout,
            ObjectMapper json) {
        this.sendUri = sendUri;
        this.signer = signer;
        this.from = from;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    /** Completes with the SES message id (null if a successful answer named none). */
    public Uni<String> send(MailMessage mail) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request(mail));
        } catch (IOException e) {
            return Uni.createFrom().failure(new SendFailure(false, "the mail could not be written as JSON"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(sendUri).timeout(requestTimeout)
                .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : signer.sign("POST", sendUri, JSON, body, Instant.now()).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), BoundedBody.ofBytes(MAX_ANSWER_BYTES)))
                .onFailure().transform(SesFailures::classify)
                .map(this::messageId);
    }

    private String messageId(HttpResponse<byte[]> response) {
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            // the code is in x-amzn-ErrorType ("TooManyRequestsException:http://internal.amazon.com/...") or in __type
            String code = response.headers().firstValue("x-amzn-ErrorType").map(t -> t.split(":", 2)[0].trim())
                    .filter(t -> !t.isEmpty()).orElseGet(() -> {
                        String type = text(answer, "__type");
                        return type == null ? null : type.substring(type.lastIndexOf('#') + 1);
                    });
            String message = text(answer, "message");
            throw SesFailures.answer(response.statusCode(), code, message != null ? message : text(answer, "Message"));
        }
        // null when SES took the mail without naming it: sending it again would send it twice
        return text(answer, "MessageId");
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
