package dev.intake.document.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Documents put straight into the bucket and the table, past the upload's checks: files larger than the tests'
 * upload limit, or of a type no upload would be accepted with. The worker takes them like any other.
 */
final class DirectDocuments {

    private static final int PART_SIZE = 10 * 1024 * 1024;

    private DirectDocuments() {
    }

    /** Stores {@code size} bytes of {@code content} (streamed, never whole in memory) as a PENDING document. */
    static String store(MinioClient storage, String bucket, Pool pool, String filename, String contentType,
            InputStream content, long size) throws Exception {
        UUID id = UUID.randomUUID();
        String key = "documents/" + ContactServiceStandIn.CONTACT + "/" + id + "/" + filename;
        storage.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(content, size, PART_SIZE)
                .contentType(contentType).build());
        pool.preparedQuery("""
                INSERT INTO document (id, contact_id, original_filename, stored_filename, storage_key, content_type,
                                      size_bytes, sha256, document_type, status, next_attempt_at, uploaded_at)
                VALUES ($1, $2::uuid, $3, $3, $4, $5, $6, $7, 'invoice', 'PENDING', now(), now())
                """).executeAndAwait(Tuple.tuple().addUUID(id).addString(ContactServiceStandIn.CONTACT)
                .addString(filename).addString(key).addString(contentType).addLong(size).addString("0".repeat(64)));
        return id.toString();
    }

    /** An HTML page of {@code paragraphs} {@code <p>a</p>}: a DOM of millions of nodes from a plain file. */
    static final class ParagraphHtml extends InputStream {

        private static final byte[] HEAD = "<html><body>".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PARAGRAPH = "<p>a</p>".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "</body></html>".getBytes(StandardCharsets.US_ASCII);

        private final long size;
        private long position;

        ParagraphHtml(long paragraphs) {
            this.size = HEAD.length + paragraphs * PARAGRAPH.length + TAIL.length;
        }

        /** The page closest to {@code bytes} long. */
        static ParagraphHtml ofAbout(long bytes) {
            return new ParagraphHtml(bytes / PARAGRAPH.length);
        }

        long size() {
            return size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long p = position++;
            if (p < HEAD.length) {
                return HEAD[(int) p];
            }
            long tailStart = size - TAIL.length;
            if (p >= tailStart) {
                return TAIL[(int) (p - tailStart)];
            }
            return PARAGRAPH[(int) ((p - HEAD.length) % PARAGRAPH.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
