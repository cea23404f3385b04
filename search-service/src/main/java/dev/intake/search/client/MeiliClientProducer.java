package dev.intake.search.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.meilisearch.sdk.Client;
import com.meilisearch.sdk.Config;

import dev.intake.search.config.MeiliConfig;

public class MeiliClientProducer {

    @Produces
    @Singleton
    Client meilisearch(MeiliConfig config) {
        Config sdk = new Config(config.url().replaceAll("/+$", ""), config.apiKey());
        // okhttp asks for gzip by default; Meilisearch then delays every small answer by ~40 ms.
        // The SDK's HTTP client reads this map on every request, so adding to it here is enough.
        sdk.getHeaders().put("Accept-Encoding", "identity");
        return new Client(sdk);
    }
}
