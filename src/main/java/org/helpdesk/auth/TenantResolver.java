package org.helpdesk.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.common.Unauthenticated;
import org.helpdesk.common.CachedBodyFilter;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves the {@link Tenant} of a request: the entity named by query parameter, {@code x-entity-id} header or
 * body field {@code entityId}, checked against the API key's entity or the signed-in user's memberships.
 */
@Component
public class TenantResolver implements HandlerMethodArgumentResolver {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MemberDirectory members;

    TenantResolver(MemberDirectory members) {
        this.members = members;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        return resolve(webRequest.getNativeRequest(HttpServletRequest.class));
    }

    public Tenant resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID requested = requestedEntity(request);
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof KeyCaller key) {
            if (requested != null && !requested.equals(key.entityId())) {
                throw new Forbidden("This API key belongs to another entity");
            }
            return new Tenant(key.entityId(), key.userId(), key.userName(), key.role(), key.scopes(), key.keyId());
        }
        if (principal instanceof SessionUser user) {
            if (requested == null) {
                throw new InvalidInput("entityId is required: pass it as query parameter, x-entity-id header or body field");
            }
            Role role = members.roleOf(requested, user.id())
                    .orElseThrow(() -> new Forbidden("You are not a member of this entity"));
            return new Tenant(requested, user.id(), user.name(), role, null, null);
        }
        throw new Unauthenticated("Authentication required");
    }

    /** The signed-in user acting in an entity named by a page's path; 403 if they are not a member. */
    public Tenant forSession(SessionUser user, UUID entityId) {
        Role role = members.roleOf(entityId, user.id())
                .orElseThrow(() -> new Forbidden("You are not a member of this entity"));
        return new Tenant(entityId, user.id(), user.name(), role, null, null);
    }

    /** The entity id the request names, or {@code null}; several different ones or a non-UUID are a 400. */
    static UUID requestedEntity(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        String[] query = request.getParameterValues("entityId");
        if (query != null) {
            Collections.addAll(values, query);
        }
        values.addAll(Collections.list(request.getHeaders("x-entity-id")));
        String bodyValue = bodyEntityId(request);
        if (bodyValue != null) {
            values.add(bodyValue);
        }
        UUID found = null;
        for (String value : values) {
            UUID id = Ids.parseOrNull(value.strip());
            if (id == null) {
                throw new InvalidInput("entityId must be a UUID");
            }
            if (found != null && !found.equals(id)) {
                throw new InvalidInput("entityId differs between query parameter, header and body");
            }
            found = id;
        }
        return found;
    }

    private static String bodyEntityId(HttpServletRequest request) {
        byte[] body = CachedBodyFilter.body(request);
        String contentType = request.getContentType();
        if (body.length == 0 || contentType == null || !contentType.toLowerCase().contains("json")) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            return null; // the controller's own read reports the malformed body
        }
        if (node == null || !node.isObject() || !node.has("entityId") || node.get("entityId").isNull()) {
            return null;
        }
        JsonNode value = node.get("entityId");
        if (!value.isString()) {
            throw new InvalidInput("entityId must be a UUID");
        }
        return value.stringValue();
    }
}
