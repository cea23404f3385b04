package dev.intake.document.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.intake.document.service.UploadContent;
import dev.intake.document.service.UploadRequest;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;

/** Validates an upload's form fields, whichever API (new or old names) they came from. */
final class UploadForm {

    static final List<String> DOCUMENT_TYPES = List.of("proposal", "contract", "invoice", "report", "presentation",
            "technical_doc", "image", "other");

    private UploadForm() {
    }

    /** How the document type is checked: the new API's list, or the old system's any text of at most 50. */
    enum TypeRule {
        LISTED, ANY_SHORT_TEXT
    }

    static UploadRequest validate(FileUpload file, String contactId, String documentType, String description,
            String tags, String uploadToken, boolean admin, String contactField, String typeField) {
        return validate(file, contactId, documentType, description, tags, uploadToken, admin, null, contactField,
                typeField, TypeRule.LISTED);
    }

    static UploadRequest validate(FileUpload file, String contactId, String documentType, String description,
            String tags, String uploadToken, boolean admin, String apiKeyName, String contactField, String typeField,
            TypeRule typeRule) {
        boolean received = file != null && file.uploadedFile() != null;
        String name = received && file.fileName() != null ? file.fileName() : "file";
        return validate(received ? name : null, received ? new UploadContent.Spooled(file.uploadedFile()) : null,
                received ? file.size() : 0, "file", contactId, documentType, description, tags, uploadToken, admin,
                apiKeyName, contactField, typeField, typeRule);
    }

    /** An upload whose body is the file itself: its name from {@code filename}, its size from Content-Length. */
    static UploadRequest validateStreamed(String filename, java.io.InputStream body, long size, String contactId,
            String documentType, String description, String tags, String uploadToken, boolean admin) {
        if (filename != null && (filename.length() > 1024 || filename.codePoints().anyMatch(Character::isISOControl))) {
            throw ProblemException.badField("filename", "must be at most 1024 characters, without control characters");
        }
        return validate(filename == null || filename.isBlank() ? null : filename, new UploadContent.Streamed(body), size,
                "filename", contactId, documentType, description, tags, uploadToken, admin, null, "contactId",
                "documentType", TypeRule.LISTED);
    }

    private static UploadRequest validate(String filename, UploadContent content, long size, String fileField,
            String contactId, String documentType, String description, String tags, String uploadToken, boolean admin,
            String apiKeyName, String contactField, String typeField, TypeRule typeRule) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (content == null || filename == null) {
            errors.add(new Problem.FieldError(fileField, "is required"));
        }
        UUID contact = null;
        try {
            contact = UUID.fromString(contactId == null ? "" : contactId.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(contactField, "must be a contact id (UUID)"));
        }
        String type = documentType == null ? "" : documentType.strip();
        if (typeRule == TypeRule.LISTED && !DOCUMENT_TYPES.contains(type)) {
            errors.add(new Problem.FieldError(typeField, "must be one of " + String.join(", ", DOCUMENT_TYPES)));
        } else if (typeRule == TypeRule.ANY_SHORT_TEXT && (type.isEmpty() || type.codePointCount(0, type.length()) > 50
                || type.codePoints().anyMatch(Character::isISOControl))) {
            errors.add(new Problem.FieldError(typeField, "is required: text of at most 50 characters"));
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > 1000) {
            errors.add(new Problem.FieldError("description", "must be at most 1000 characters"));
        }
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (tagList.size() > 20 || tagList.stream().anyMatch(t -> t.length() > 50)) {
            errors.add(new Problem.FieldError("tags", "at most 20 tags of at most 50 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "The upload has invalid fields.", errors);
        }
        return new UploadRequest(contact, type, text, tagList, filename, content, size, uploadToken, admin, apiKeyName,
                null);
    }
}
