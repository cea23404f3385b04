package dev.intake.platform.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Answer bodies of the JDK HTTP client read up to a limit: a peer that answers with more (broken, or not
 * the peer we think) fails the call with {@link TooLarge} instead of filling the heap.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The answer's bytes, at most {@code maxBytes}. */
    public static HttpResponse.BodyHandler<byte[]> ofBytes(int maxBytes) {
        return info -> new Collector(maxBytes);
    }

    /** The answer as UTF-8 text of at most {@code maxBytes} bytes. */
    public static HttpResponse.BodyHandler<String> ofString(int maxBytes) {
        return info -> HttpResponse.BodySubscribers.mapping(new Collector(maxBytes),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The answer was longer than the limit. */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(int maxBytes) {
            super("the answer is longer than " + maxBytes + " bytes");
        }
    }

    private static final class Collector implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        Collector(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    body.completeExceptionally(new TooLarge(maxBytes));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
