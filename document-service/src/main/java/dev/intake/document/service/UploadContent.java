package dev.intake.document.service;

import java.io.InputStream;
import java.nio.file.Path;

/** An upload's bytes: spooled to a temporary file by the multipart parser, or the request body, read once as it arrives. */
public sealed interface UploadContent {

    record Spooled(Path file) implements UploadContent {
    }

    record Streamed(InputStream body) implements UploadContent {
    }
}
