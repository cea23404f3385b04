package dev.intake.notification.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.intake.notification.service.NotificationSender;
import dev.intake.platform.work.WorkEngine;

/**
 * Wakes this replica's sender when an administrator queued a retry (an update, which NOTIFYs nobody).
 * New rows wake every replica through the table's NOTIFY trigger; the poll remains the safety net.
 */
public class SenderWakeUpFilter {

    private final WorkEngine engine;

    public SenderWakeUpFilter(WorkEngine engine) {
        this.engine = engine;
    }

    @ServerResponseFilter
    public void afterEvent(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        if (response.getStatus() == 200 && "POST".equals(request.getMethod())
                && path.startsWith("api/v1/notifications/")) {
            engine.wakeUp(NotificationSender.QUEUE);
        }
    }
}
