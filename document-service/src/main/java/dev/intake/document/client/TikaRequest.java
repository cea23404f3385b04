package dev.intake.document.client;

import java.io.InputStream;
import java.time.Duration;

/**
 * One file for Tika: its bytes as a stream of known length (never whole in memory), the detected content type,
 * the characters to keep ({@code writeLimit}), the Tesseract languages and the time Tika may take.
 */
public record TikaRequest(InputStream body, long length, String contentType, int writeLimit, String ocrLanguages,
        Duration timeout) {
}
