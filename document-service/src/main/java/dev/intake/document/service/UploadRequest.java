package dev.intake.document.service;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A received file (spooled to a temporary file by the HTTP layer) and its form fields. */
public record UploadRequest(UUID contactId, String documentType, String description, List<String> tags,
        String originalFilename, Path file, long size, String uploadToken, boolean admin) {
}
