package dev.intake.notification.rest;

import java.util.List;

/** One page of the delivery log, newest first. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total) {
}
