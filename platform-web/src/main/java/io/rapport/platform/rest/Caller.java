package io.rapport.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling this request: the subject, roles and (for partner systems) the partner id the gateway vouched for.
 * Inject it wherever a rule depends on the caller (object-level checks, audit actors, partner scoping) instead of
 * reading headers: {@link CallerFilter} is the ONE place that decides where the identity comes from. A request
 * without an identity is the "system" caller with no roles.
 */
@RequestScoped
public class Caller {
    public static final String SYSTEM = "system";

    private String subject = SYSTEM;
    private Set<String> roles = Set.of();
    private String partnerId;
    private String service;
    private String requestId;

    /** The caller's subject (user name, or "partner:<id>" for a partner system); "system" when none. */
    public String subject() {
        return subject;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The partner id when a partner system calls with its API key. */
    public Optional<String> partnerId() {
        return Optional.ofNullable(partnerId);
    }

    /**
     * The calling service when another service calls on its own behalf with its own key (e.g. engagement-service
     * reading a recipient at send time): then the subject is that service's name and there are no roles.
     */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /** The request id the gateway assigned (X-Request-Id), for audit records; may be null. */
    public String requestId() {
        return requestId;
    }

    /** A short label for logs and audit records: "alice (sales)". */
    public String label() {
        if (service != null) {
            return subject + " (service)";
        }
        return roles.isEmpty() ? subject : subject + " (" + String.join(",", new java.util.TreeSet<>(roles)) + ")";
    }

    void set(String subject, Set<String> roles, String partnerId, String service, String requestId) {
        this.subject = subject == null || subject.isBlank() ? SYSTEM : subject.trim();
        this.roles = roles == null ? Set.of() : Set.copyOf(roles);
        this.partnerId = partnerId == null || partnerId.isBlank() ? null : partnerId.trim();
        this.service = service;
        this.requestId = requestId;
    }
}
