package io.rapport.contracts;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as record headers, the payload is
 * the record value ({@code application/json}), the record key is the subject (the customer id).
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /**
     * The CloudEvents {@code sequence} extension attribute: the event's number among its subject's events from its
     * source (1, 2, 3...), zero-padded to 19 digits, in commit order. Projections ignore an event not above the last
     * sequence they applied for the subject.
     */
    public static final String SEQUENCE = "ce_sequence";

    public static final String SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {}
}
