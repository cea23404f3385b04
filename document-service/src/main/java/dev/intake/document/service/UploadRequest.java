package dev.intake.document.service;

import java.util.List;
import java.util.UUID;

/**
 * A received file (spooled, or the request body still to be read) and its fields, with who sends it:
 * the administrator, the holder of the contact's upload token, or (old path) the API key named
 * {@code apiKeyName}.
 */
public record UploadRequest(UUID contactId, String documentType, String description, List<String> tags,
        String originalFilename, UploadContent content, long size, String uploadToken, boolean admin, String apiKeyName,
        String idempotencyKey) {

    public UploadRequest withIdempotencyKey(String key) {
        return new UploadRequest(contactId, documentType, description, tags, originalFilename, content, size, uploadToken,
                admin, apiKeyName, key);
    }

    /** The bucket of the per-token rate limit; none for the administrator. */
    public String rateBucket() {
        if (admin) {
            return null;
        }
        return apiKeyName != null ? "key:" + apiKeyName : "token:" + uploadToken;
    }
}
