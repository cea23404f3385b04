package dev.intake.document.service;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.inject.Singleton;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** Detects a file's type from its bytes (magic numbers, container structure), hinted by its name. */
@Singleton
public class ContentTypeDetector {

    private final Detector detector = new DefaultDetector();

    /** From the whole file: a zip container's directory (at its end) is read too. */
    public String detect(Path file, String filename) throws IOException {
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            return detect(stream, filename);
        }
    }

    /** From the first bytes of a file still arriving: magic numbers, and a zip container's first entries. */
    public String detect(byte[] head, String filename) throws IOException {
        try (TikaInputStream stream = TikaInputStream.get(head)) {
            return detect(stream, filename);
        }
    }

    private String detect(TikaInputStream stream, String filename) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        return detector.detect(stream, metadata).getBaseType().toString();
    }
}
