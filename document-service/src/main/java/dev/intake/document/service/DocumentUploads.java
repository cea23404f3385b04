package dev.intake.document.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import dev.intake.platform.id.Uuids;
import dev.intake.document.client.ContactDirectory;
import dev.intake.document.client.ObjectWriter;
import dev.intake.document.config.DocumentConfig;
import dev.intake.document.config.StorageConfig;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.document.repository.DocumentRows;
import dev.intake.document.repository.IdempotentUploads;
import dev.intake.platform.problem.ProblemException;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;

/**
 * Stores an upload: authorised by contact-service and admitted by the quotas before a byte is read, checked
 * (size, extension, type from the bytes), streamed to S3 from its spool file or straight from the request body
 * (hashed on the way), then recorded as PENDING. Runs on a worker thread; a file that fails any step leaves
 * neither object nor row.
 */
@ApplicationScoped
public class DocumentUploads {

    private static final Logger LOG = Logger.getLogger(DocumentUploads.class);
    private static final int HEAD = 64 * 1024;

    private final ContactDirectory contacts;
    private final FileTypePolicy types;
    private final ContentTypeDetector detector;
    private final ObjectWriter writer;
    private final MinioClient storage;
    private final StorageConfig storageConfig;
    private final DocumentConfig config;
    private final DocumentMetrics metrics;
    private final UploadQuotas quotas;
    private final IdempotentUploads idempotent;
    private final DocumentRows rows;

    public DocumentUploads(ContactDirectory contacts, FileTypePolicy types, ContentTypeDetector detector,
            ObjectWriter writer, MinioClient storage, StorageConfig storageConfig, DocumentConfig config,
            DocumentMetrics metrics, UploadQuotas quotas, IdempotentUploads idempotent, DocumentRows rows) {
        this.rows = rows;
        this.writer = writer;
        this.quotas = quotas;
        this.idempotent = idempotent;
        this.contacts = contacts;
        this.types = types;
        this.detector = detector;
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.config = config;
        this.metrics = metrics;
    }

    /** A stored document, and whether an earlier upload with the same Idempotency-Key had stored it. */
    public record Stored(Document document, boolean replayed) {
    }

    public Document store(UploadRequest request) {
        return storeOnce(request).document();
    }

    public Stored storeOnce(UploadRequest request) {
        try {
            Stored stored = checkAndStore(request);
            metrics.upload(DocumentMetrics.UploadOutcome.STORED, stored.replayed() ? 0 : request.size());
            return stored;
        } catch (ProblemException e) {
            metrics.upload(switch (e.status()) {
                case 401, 403 -> DocumentMetrics.UploadOutcome.UNAUTHORIZED;
                case 429 -> DocumentMetrics.UploadOutcome.LIMITED;
                case 503 -> DocumentMetrics.UploadOutcome.UNAVAILABLE;
                default -> DocumentMetrics.UploadOutcome.REJECTED;
            }, 0);
            throw e;
        } catch (RuntimeException e) {
            metrics.upload(DocumentMetrics.UploadOutcome.FAILED, 0);
            throw e;
        }
    }

    private Stored checkAndStore(UploadRequest request) {
        if (request.size() > config.maxSizeBytes()) {
            throw new ProblemException(413, "Payload too large",
                    "The file is larger than " + config.maxSizeBytes() / (1024 * 1024) + " MB.");
        }
        if (request.size() == 0) {
            throw ProblemException.badField("file", "must not be empty");
        }
        // who sends it, and whether it fits the quotas, before the bytes are sniffed, hashed or stored
        authorize(request);
        Document earlier = earlier(request);
        if (earlier != null) {
            return new Stored(earlier, true);
        }
        quotas.admit(request);
        String safeName = SafeFilename.of(request.originalFilename());
        String extension = SafeFilename.extensionOf(safeName);
        if (!types.extensionAllowed(extension)) {
            throw new ProblemException(415, "Unsupported media type", "Files of this kind are not accepted.",
                    java.util.List.of(new dev.intake.platform.problem.Problem.FieldError("file",
                            "extension must be one of " + String.join(", ", types.enabledExtensions().stream().sorted().toList()))));
        }
        Sniffed sniffed = sniff(request, safeName);
        if (!types.matches(extension, sniffed.type())) {
            sniffed.close();
            throw new ProblemException(415, "Unsupported media type",
                    "The file's content does not match its ." + extension + " extension.",
                    java.util.List.of(new dev.intake.platform.problem.Problem.FieldError("file",
                            "content is not a ." + extension + " file")));
        }

        Document document = new Document();
        document.id = Uuids.timeOrdered();
        document.contactId = request.contactId();
        document.originalFilename = truncate(request.originalFilename(), 255);
        document.storedFilename = safeName;
        document.storageKey = "documents/" + request.contactId() + "/" + document.id + "/" + safeName;
        document.contentType = sniffed.type();
        document.sizeBytes = request.size();
        document.documentType = request.documentType();
        document.description = request.description();
        document.tags = request.tags().toArray(String[]::new);
        document.status = DocumentStatus.PENDING;
        document.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        document.nextAttemptAt = document.uploadedAt;
        document.idempotencyKey = request.idempotencyKey();
        ObjectWriter.Written written = upload(request, document, sniffed);
        document.sha256 = written.sha256();
        document.md5 = written.md5();
        boolean inserted;
        try {
            inserted = OnVertxContext.await(() -> rows.insertUnlessErased(document));
        } catch (RuntimeException e) {
            removeQuietly(document.storageKey);
            // the same key stored concurrently (a client's retry while its first call still ran): answer that one
            Document concurrent = earlier(request);
            if (concurrent != null) {
                return new Stored(concurrent, true);
            }
            throw e;
        }
        if (!inserted) {
            removeQuietly(document.storageKey);
            throw new ProblemException(404, "Not found", "No contact with this id.");
        }
        return new Stored(document, false);
    }

    private Document earlier(UploadRequest request) {
        if (request.idempotencyKey() == null) {
            return null;
        }
        return OnVertxContext.await(() -> idempotent.find(request.contactId(), request.idempotencyKey()));
    }

    private void authorize(UploadRequest request) {
        if (!request.admin() && request.apiKeyName() == null
                && (request.uploadToken() == null || request.uploadToken().isBlank())) {
            throw new ProblemException(401, "Authentication required",
                    "An upload token for the contact (or administrator credentials) is required.");
        }
        if (contacts.recentlyAuthorized(request.contactId(), request.uploadToken(), request.apiKeyName(), request.admin())) {
            return;
        }
        try {
            contacts.authorize(request.contactId(), request.uploadToken(), request.apiKeyName(), request.admin());
        } catch (ContactDirectory.Unavailable | CircuitBreakerOpenException | TimeoutException e) {
            throw new ProblemException(503, "Service unavailable",
                    "Contacts cannot be checked right now; nothing was stored. Please retry.").withHeader("Retry-After", "10");
        }
    }

    /** The detected type, and the bytes from their start (the head read for detection included). */
    private record Sniffed(String type, InputStream bytes) implements AutoCloseable {
        @Override
        public void close() {
            try {
                bytes.close();
            } catch (IOException e) {
                LOG.debugf("Closing an upload's stream: %s", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * A spooled file is detected whole; a streamed body from its first {@value #HEAD} bytes, which are then sent
     * ahead of the rest, so the bytes are read once.
     */
    private Sniffed sniff(UploadRequest request, String safeName) {
        try {
            if (request.content() instanceof UploadContent.Spooled spooled) {
                return new Sniffed(detector.detect(spooled.file(), safeName), Files.newInputStream(spooled.file()));
            }
            InputStream body = ((UploadContent.Streamed) request.content()).body();
            int wanted = (int) Math.min(HEAD, request.size());
            byte[] head = body.readNBytes(wanted);
            if (head.length < wanted) {
                throw shorterThanDeclared();
            }
            return new Sniffed(detector.detect(head, safeName),
                    new SequenceInputStream(new ByteArrayInputStream(head), body));
        } catch (IOException e) {
            if (request.content() instanceof UploadContent.Streamed) {
                throw interrupted();
            }
            throw new IllegalStateException("spooled upload unreadable", e);
        }
    }

    /** Streams the bytes to S3 (digested on the way); a body that breaks off or overruns stores nothing. */
    private ObjectWriter.Written upload(UploadRequest request, Document document, Sniffed sniffed) {
        try (sniffed) {
            return writer.put(document.storageKey, sniffed.bytes(), request.size(), document.contentType,
                    Map.of("contact-id", document.contactId.toString(), "document-type", document.documentType));
        } catch (ObjectWriter.LengthMismatch e) {
            throw ProblemException.badField("file", e.getMessage());
        } catch (ObjectWriter.ContentUnreadable e) {
            throw interrupted();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Storing %s failed: %s", document.id, e.getClass().getSimpleName());
            throw new ProblemException(503, "Service unavailable", "The file could not be stored; please retry.")
                    .withHeader("Retry-After", "10");
        }
    }

    private static ProblemException shorterThanDeclared() {
        return ProblemException.badField("file", "the body ended before its Content-Length");
    }

    private static ProblemException interrupted() {
        return ProblemException.badField("file", "the upload broke off before all its bytes arrived; nothing was stored");
    }

    public void removeQuietly(String key) {
        try {
            storage.removeObject(RemoveObjectArgs.builder().bucket(storageConfig.bucket()).object(key).build());
        } catch (Exception e) {
            LOG.warnf("Could not remove object %s (%s)", key, e.getClass().getSimpleName());
        }
    }

    private static String truncate(String value, int max) {
        return value == null ? "file" : value.length() <= max ? value : value.substring(0, max);
    }
}
