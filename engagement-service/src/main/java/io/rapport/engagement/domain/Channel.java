package io.rapport.engagement.domain;

/** How a contact reaches the customer. EMAIL and SMS are sent by the dispatcher; the others are done by people. */
public enum Channel {
    PHONE,
    EMAIL,
    SMS,
    VISIT,
    MEETING;

    public boolean automated() {
        return this == EMAIL || this == SMS;
    }

    /** The consent (as published by customer-service) that governs this channel; VISIT and MEETING have none. */
    public String consentKey() {
        return switch (this) {
            case PHONE, EMAIL, SMS -> name();
            case VISIT, MEETING -> null;
        };
    }
}
