package org.helpdesk.auth;

import java.io.Serializable;
import java.util.UUID;

/** The principal kept in a browser session: who signed in, nothing about entities (checked per request). */
public record SessionUser(UUID id, String email, String name) implements Serializable {
}
