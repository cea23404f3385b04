package dev.intake.notification.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.intake.notification.model.NotificationStatus;
import dev.intake.notification.model.Template;

/** What the admin list is narrowed to; null parts match everything. {@code to} is exclusive. */
public record NotificationFilter(NotificationStatus status, Template template, OffsetDateTime from, OffsetDateTime to,
        UUID contactId) {
}
