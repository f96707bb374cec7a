package io.rapport.customer.domain;

/** Kinds of cost-to-serve: what serving the customer costs beyond the goods sold. */
public enum CostType {
    SERVICE_CALL,
    RETURN_HANDLING,
    SALES_VISIT,
    DISCOUNT,
    SHIPPING,
    OTHER
}
