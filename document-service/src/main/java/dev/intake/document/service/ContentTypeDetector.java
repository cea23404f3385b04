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

    public String detect(Path file, String filename) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            return detector.detect(stream, metadata).getBaseType().toString();
        }
    }
}
