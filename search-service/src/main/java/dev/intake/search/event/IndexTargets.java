package dev.intake.search.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.search.client.MeiliGateway;
import dev.intake.search.service.ReindexState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The indexes an event must be written to, read in the inbox transaction: live, plus the one being rebuilt. */
@ApplicationScoped
public class IndexTargets {

    private final MeiliGateway meili;

    public IndexTargets(MeiliGateway meili) {
        this.meili = meili;
    }

    public Uni<List<String>> current() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ReindexState.BUILDING_SQL, String.class).getResultList())
                .map(building -> building.isEmpty() || building.get(0) == null ? List.of(meili.liveIndex())
                        : List.of(meili.liveIndex(), building.get(0)));
    }
}
