package io.rapport.loyalty.domain;

/** The benefits a programme can offer; the first three change a price, the others are privileges. */
public enum BenefitKind {
    /** Percent off the basket for a customer who has bought before ("old customer" discount). */
    REPEAT_PURCHASE_DISCOUNT,
    /** Percent off a line from a quantity on ("the more you buy the cheaper"). */
    VOLUME_BREAK,
    /** A lower unit price of one SKU for members. */
    MEMBER_PRICE,
    EVENT_INVITATION,
    PRIORITY_SERVICE,
    PARTNER_PERK;

    public boolean changesPrice() {
        return this == REPEAT_PURCHASE_DISCOUNT || this == VOLUME_BREAK || this == MEMBER_PRICE;
    }
}
