package dev.intake.notification.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.intake.notification.service.NotificationSender;

/**
 * Wakes the sender when an event was applied or a retry queued. The response is written after the
 * transaction committed, so the new rows are visible to the sender's claim; the poll remains the safety net.
 */
public class SenderWakeUpFilter {

    private final NotificationSender sender;

    public SenderWakeUpFilter(NotificationSender sender) {
        this.sender = sender;
    }

    @ServerResponseFilter
    public void afterEvent(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        if (response.getStatus() == 200 && "POST".equals(request.getMethod())
                && (path.equals("internal/events") || path.startsWith("api/v1/notifications/"))) {
            sender.wakeUp();
        }
    }
}
