package io.rapport.engagement.domain;

/**
 * Why a contact is made, and every rule that depends on the purpose alone, in this one table:
 *
 * <table>
 * <caption>purposes</caption>
 * <tr><th>purpose</th><th>kind</th><th>rank</th><th>frequency caps</th><th>complaint SLA</th></tr>
 * <tr><td>COMPLAINT_FOLLOW_UP</td><td>service</td><td>0</td><td>exempt</td><td>held to it</td></tr>
 * <tr><td>SATISFACTION_CHECK</td><td>service</td><td>1</td><td>apply</td><td>-</td></tr>
 * <tr><td>REVIEW</td><td>relationship</td><td>2</td><td>apply</td><td>-</td></tr>
 * <tr><td>CHECK_IN</td><td>marketing</td><td>3</td><td>apply</td><td>-</td></tr>
 * <tr><td>CONTACT_US</td><td>marketing</td><td>4</td><td>apply</td><td>-</td></tr>
 * <tr><td>CAMPAIGN</td><td>marketing</td><td>5</td><td>apply</td><td>-</td></tr>
 * </table>
 *
 * <ul>
 * <li>kind: service contacts win a slot over planned marketing ones (pressure.ContactPriority); marketing contacts
 * pause while the customer has an open complaint; consent and do-not-contact bind every kind;</li>
 * <li>rank: who goes first when contacts compete (0 first; pressure.ContactPriority turns it into the Java and the SQL
 * order);</li>
 * <li>caps: the complaint follow-up alone is exempt from the frequency caps, and alone held to its complaint's SLA
 * (pressure.ServiceSla).</li>
 * </ul>
 */
public enum Purpose {
    SATISFACTION_CHECK(Kind.SERVICE, 1, false),
    CHECK_IN(Kind.MARKETING, 3, false),
    REVIEW(Kind.RELATIONSHIP, 2, false),
    CONTACT_US(Kind.MARKETING, 4, false),
    CAMPAIGN(Kind.MARKETING, 5, false),
    COMPLAINT_FOLLOW_UP(Kind.SERVICE, 0, true);

    /** What a contact of the purpose is for. */
    public enum Kind {
        /** For the customer's sake, about something they bought or complained about. */
        SERVICE,
        /** Keeping the relationship (an account manager's review). */
        RELATIONSHIP,
        /** Selling. */
        MARKETING
    }

    private final Kind kind;
    private final int rank;
    private final boolean complaintBound;

    Purpose(Kind kind, int rank, boolean complaintBound) {
        this.kind = kind;
        this.rank = rank;
        this.complaintBound = complaintBound;
    }

    public Kind kind() {
        return kind;
    }

    /** 0 for the purpose served first when contacts compete for one slot. */
    public int rank() {
        return rank;
    }

    /** A service contact: it takes the slot of a planned marketing contact when the caps are full. */
    public boolean service() {
        return kind == Kind.SERVICE;
    }

    /** A marketing contact: paused while the customer has an open complaint. */
    public boolean marketing() {
        return kind == Kind.MARKETING;
    }

    /** Exempt from the frequency caps (never from consent or do-not-contact). */
    public boolean exemptFromCaps() {
        return complaintBound;
    }

    /** Must meet its complaint's SLA (pressure.ServiceSla). */
    public boolean heldToComplaintSla() {
        return complaintBound;
    }
}
