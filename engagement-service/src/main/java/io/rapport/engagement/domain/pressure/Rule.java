package io.rapport.engagement.domain.pressure;

/** The contact-pressure rules a contact can run into. */
public enum Rule {
    DO_NOT_CONTACT,
    CONSENT,
    COMPLAINT_OPEN,
    QUIET_HOURS,
    WEEKEND,
    FREQUENCY_CAP,
    EXPIRED,
    SERVICE_SLA,
    PRIORITY
}
