package dev.intake.platform.event;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The test application's domain row: what applying a probe event leaves behind. */
@Entity
@Table(name = "probe_effect")
public class ProbeEffect extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "aggregate_id")
    public String aggregateId;

    public int position;
}
