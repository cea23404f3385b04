package dev.intake.contact.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.contact.client.DocumentServiceClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Hands a submission's attachments to document-service, one by one, streamed from the spool files the
 * HTTP layer wrote. The contact is already committed: a file that fails is reported, never fatal.
 */
@ApplicationScoped
public class AttachmentForwarder {

    private static final Logger LOG = Logger.getLogger(AttachmentForwarder.class);

    /** One attachment's outcome: its document id, or why it was not stored. */
    public record Outcome(String filename, UUID documentId, Integer status, String error) {
    }

    private final DocumentServiceClient documents;
    private final java.time.Duration timeout;

    public AttachmentForwarder(@RestClient DocumentServiceClient documents, dev.intake.contact.config.ContactConfig config) {
        this.documents = documents;
        this.timeout = config.attachmentTimeout();
    }

    /**
     * Each file goes with an Idempotency-Key of its own (its place, name and size in the submission), so the
     * replay of a submission whose first call the client gave up on sends the files again: document-service
     * answers the ones it already stored with their documents and stores the ones it never received.
     */
    public Uni<List<Outcome>> forward(UUID contactId, String uploadToken, String documentType, List<FileUpload> files) {
        return Multi.createFrom().range(0, files.size())
                .onItem().transformToUniAndConcatenate(i -> forward(contactId, uploadToken, documentType, files.get(i),
                        attachmentKey(i, files.get(i))))
                .collect().asList();
    }

    static String attachmentKey(int index, FileUpload file) {
        String identity = "attachment:" + index + ":" + file.size() + ":" + file.fileName();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Outcome> forward(UUID contactId, String uploadToken, String documentType, FileUpload file,
            String idempotencyKey) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .attribute("contactId", contactId.toString(), null)
                .attribute("documentType", documentType, null)
                .binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(),
                        file.contentType() == null ? "application/octet-stream" : file.contentType());
        return documents.upload(uploadToken, idempotencyKey, form)
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException())
                .map(response -> {
                    try (response) {
                        JsonNode body = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
                        if (response.getStatus() == 201 && body != null && body.hasNonNull("id")) {
                            return new Outcome(file.fileName(), UUID.fromString(body.get("id").asText()), 201, null);
                        }
                        String why = body != null && body.hasNonNull("detail") ? body.get("detail").asText()
                                : "the file was not accepted";
                        return new Outcome(file.fileName(), null, response.getStatus(), why);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof jakarta.ws.rs.WebApplicationException wae) {
                        return rejected(file, wae.getResponse());
                    }
                    LOG.warnf("Attachment for %s not forwarded: %s", contactId, e.getClass().getSimpleName());
                    if (e instanceof java.util.concurrent.TimeoutException) {
                        return new Outcome(file.fileName(), null, 503, "document storage did not confirm this file within "
                                + timeout.toSeconds() + " s, so it may not be stored; send the submission again with the"
                                + " same Idempotency-Key (what was stored is not stored twice), or attach the file with"
                                + " the upload token");
                    }
                    return new Outcome(file.fileName(), null, 503,
                            "document storage is unavailable; attach the file later with the upload token");
                });
    }

    private static Outcome rejected(FileUpload file, jakarta.ws.rs.core.Response response) {
        String why = "the file was not accepted";
        try {
            JsonNode body = response.readEntity(JsonNode.class);
            if (body != null && body.hasNonNull("detail")) {
                why = body.get("detail").asText();
            }
        } catch (RuntimeException ignored) {
            // no readable problem body: keep the generic reason
        }
        return new Outcome(file.fileName(), null, response.getStatus(), why);
    }
}
