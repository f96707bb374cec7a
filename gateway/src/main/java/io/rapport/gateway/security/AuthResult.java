package io.rapport.gateway.security;

import io.rapport.gateway.domain.Caller;

/** The outcome of reading a request's credentials: a caller, or why there is none (always a 401). */
public sealed interface AuthResult {
    record Authenticated(Caller caller) implements AuthResult {}

    /** {@code error} is the RFC 6750 error code for WWW-Authenticate, or null when no credential was sent. */
    record Rejected(String detail, String error) implements AuthResult {}
}
