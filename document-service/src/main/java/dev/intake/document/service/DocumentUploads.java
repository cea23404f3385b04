package dev.intake.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import dev.intake.platform.id.Uuids;
import dev.intake.document.client.ContactDirectory;
import dev.intake.document.config.DocumentConfig;
import dev.intake.document.config.StorageConfig;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.document.repository.IdempotentUploads;
import dev.intake.platform.problem.ProblemException;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * Stores an upload: authorised by contact-service, checked (size, extension, type from the bytes),
 * hashed and streamed to S3 from its spool file, then recorded as PENDING. Runs on a worker
 * thread; a file that fails any step leaves neither object nor row.
 */
@ApplicationScoped
public class DocumentUploads {

    private static final Logger LOG = Logger.getLogger(DocumentUploads.class);
    private static final int PART_SIZE = 10 * 1024 * 1024;

    private final ContactDirectory contacts;
    private final FileTypePolicy types;
    private final ContentTypeDetector detector;
    private final MinioClient storage;
    private final StorageConfig storageConfig;
    private final DocumentConfig config;
    private final DocumentMetrics metrics;
    private final UploadQuotas quotas;
    private final IdempotentUploads idempotent;

    public DocumentUploads(ContactDirectory contacts, FileTypePolicy types, ContentTypeDetector detector,
            MinioClient storage, StorageConfig storageConfig, DocumentConfig config, DocumentMetrics metrics,
            UploadQuotas quotas, IdempotentUploads idempotent) {
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
        String detected;
        try {
            detected = detector.detect(request.file(), safeName);
        } catch (IOException e) {
            throw new IllegalStateException("spooled upload unreadable", e);
        }
        if (!types.matches(extension, detected)) {
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
        document.contentType = detected;
        document.sizeBytes = request.size();
        document.documentType = request.documentType();
        document.description = request.description();
        document.tags = request.tags().toArray(String[]::new);
        document.status = DocumentStatus.PENDING;
        document.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        document.nextAttemptAt = document.uploadedAt;
        document.idempotencyKey = request.idempotencyKey();
        document.sha256 = upload(request, document);
        try {
            OnVertxContext.await(() -> Panache.withTransaction(document::persist));
        } catch (RuntimeException e) {
            removeQuietly(document.storageKey);
            // the same key stored concurrently (a client's retry while its first call still ran): answer that one
            Document concurrent = earlier(request);
            if (concurrent != null) {
                return new Stored(concurrent, true);
            }
            throw e;
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
        try {
            contacts.authorize(request.contactId(), request.uploadToken(), request.apiKeyName(), request.admin());
        } catch (ContactDirectory.Unavailable | CircuitBreakerOpenException | TimeoutException e) {
            throw new ProblemException(503, "Service unavailable",
                    "Contacts cannot be checked right now; nothing was stored. Please retry.").withHeader("Retry-After", "10");
        }
    }

    /**
     * Hashes the spooled file (S3 wants the digest in the object's metadata, which goes before the bytes),
     * then streams it to S3; returns the SHA-256 (hex).
     */
    private String upload(UploadRequest request, Document document) {
        try {
            String sha256 = sha256Of(request);
            try (InputStream file = Files.newInputStream(request.file())) {
                storage.putObject(PutObjectArgs.builder()
                        .bucket(storageConfig.bucket())
                        .object(document.storageKey)
                        .stream(file, request.size(), PART_SIZE)
                        .contentType(document.contentType)
                        .userMetadata(Map.of("sha256", sha256, "contact-id", document.contactId.toString(),
                                "document-type", document.documentType))
                        .build());
            }
            return sha256;
        } catch (Exception e) {
            LOG.warnf("Storing %s failed: %s", document.id, e.getClass().getSimpleName());
            throw new ProblemException(503, "Service unavailable", "The file could not be stored; please retry.")
                    .withHeader("Retry-After", "10");
        }
    }

    private static String sha256Of(UploadRequest request) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(request.file()), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
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
