package io.rapport.customer.domain;

/** Where a preference (or another customer fact) was told to us. API: a system call without a named touchpoint. */
public enum Touchpoint {
    WEB,
    APP,
    STORE,
    CALL_CENTER,
    EMAIL,
    IMPORT,
    API
}
