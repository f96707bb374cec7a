package io.rapport.contracts.customer;

/**
 * One purchase line. Amounts are decimal strings in the purchase currency.
 *
 * @param unitCost cost of goods of one unit
 * @param lineTotal quantity x unit price
 */
public record PurchaseLine(
        String lineId,
        String sku,
        String category,
        int quantity,
        String unitPrice,
        String unitCost,
        String lineTotal) {}
