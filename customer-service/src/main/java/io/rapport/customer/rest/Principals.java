package io.rapport.customer.rest;

import jakarta.ws.rs.core.HttpHeaders;

/** The caller as the gateway names it in {@code X-Rapport-Principal}; "system" when absent. */
final class Principals {
    static final String HEADER = "X-Rapport-Principal";

    private Principals() {
    }

    static String who(HttpHeaders headers) {
        String p = headers == null ? null : headers.getHeaderString(HEADER);
        return p == null || p.isBlank() ? "system" : p.trim();
    }
}
