package io.rapport.engagement.domain;

/**
 * Why a contact is made. Service purposes (COMPLAINT_FOLLOW_UP) are exempt from frequency caps, never from
 * consent; marketing purposes (CHECK_IN, CONTACT_US, CAMPAIGN) pause while the customer has an open complaint.
 */
public enum Purpose {
    SATISFACTION_CHECK,
    CHECK_IN,
    REVIEW,
    CONTACT_US,
    CAMPAIGN,
    COMPLAINT_FOLLOW_UP;

    public boolean service() {
        return this == COMPLAINT_FOLLOW_UP;
    }

    public boolean marketing() {
        return this == CHECK_IN || this == CONTACT_US || this == CAMPAIGN;
    }
}
