package dev.intake.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;

/** What the SES emulator received, read from its {@code GET /store}. */
final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Mailbox() {
    }

    /** One stored mail: from, replyTo[], destination.to[], subject, body.text, body.html, messageId. */
    record Mail(Map<String, Object> raw) {

        String from() {
            return (String) raw.get("from");
        }

        @SuppressWarnings("unchecked")
        List<String> to() {
            return (List<String>) ((Map<String, Object>) raw.get("destination")).get("to");
        }

        @SuppressWarnings("unchecked")
        List<String> replyTo() {
            return (List<String>) raw.get("replyTo");
        }

        String subject() {
            return (String) raw.get("subject");
        }

        @SuppressWarnings("unchecked")
        String text() {
            return (String) ((Map<String, Object>) raw.get("body")).get("text");
        }

        @SuppressWarnings("unchecked")
        String html() {
            return (String) ((Map<String, Object>) raw.get("body")).get("html");
        }

        String messageId() {
            return (String) raw.get("messageId");
        }

        boolean mentions(String text) {
            return subject().contains(text) || (text() != null && text().contains(text));
        }
    }

    static String endpoint() {
        return ConfigProvider.getConfig().getValue("ses.endpoint", String.class).replaceAll("/+$", "");
    }

    static List<Mail> all() {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/store")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("store answered " + response.statusCode());
        }
        List<Map<String, Object>> emails = JsonPath.from(response.body()).getList("emails");
        return emails.stream().map(Mail::new).toList();
    }

    static List<Mail> matching(Predicate<Mail> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} mails match, then returns them all. */
    static List<Mail> await(Predicate<Mail> filter, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Mail> found = matching(filter);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            found = matching(filter);
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " mails, found " + found.size());
        }
        return found;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
