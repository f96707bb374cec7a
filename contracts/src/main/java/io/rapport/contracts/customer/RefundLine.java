package io.rapport.contracts.customer;

/** A refunded quantity of one purchase line, with the refunded amount and the cost of goods returned. */
public record RefundLine(String lineId, String sku, String category, int quantity, String amount, String costOfGoods) {}
