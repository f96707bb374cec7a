package io.rapport.engagement.rest;

/** Who is calling, from the header the gateway sets ({@code X-Rapport-Principal}); "system" without it. */
final class Caller {
    static final String PRINCIPAL = "X-Rapport-Principal";

    private Caller() {
    }

    static String of(String principal) {
        return principal == null || principal.isBlank() ? "system" : principal.trim();
    }
}
