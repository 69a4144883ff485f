package org.helpdesk.ticket;

import java.util.UUID;

/** STAND-IN for the core's Actor (issue 10) until main's core lands; replaced by main's on merge. */
public record Actor(UUID entityId, AuthorType type, UUID userId, String name, Channel channel) {
    public static Actor agent(UUID entityId, UUID userId, String name, Channel channel) {
        return new Actor(entityId, AuthorType.AGENT, userId, name, channel);
    }
}
