package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * A benefit with its eligibility and pricing terms. A benefit with neither a tier nor a segment condition
 * is for every member; with one or both, a member is eligible when either condition holds.
 *
 * @param minTierRank the lowest tier rank that gets it, null for no tier condition
 * @param segmentClasses {@code SCHEME:CLASS} labels that get it, empty for no segment condition
 * @param percent discount in percent (REPEAT_PURCHASE_DISCOUNT, VOLUME_BREAK)
 * @param memberPrice unit price for members (MEMBER_PRICE, with {@code sku})
 * @param sku the SKU a line benefit is limited to, null for any
 * @param category the category a line benefit is limited to, null for any
 * @param minQuantity VOLUME_BREAK: the quantity from which the break applies
 * @param minPurchases REPEAT_PURCHASE_DISCOUNT: earlier purchases needed (default 1)
 */
public record BenefitRule(
        UUID id,
        BenefitKind kind,
        String name,
        Integer minTierRank,
        Set<String> segmentClasses,
        BigDecimal percent,
        BigDecimal memberPrice,
        String sku,
        String category,
        Integer minQuantity,
        Integer minPurchases) {

    /** Null when eligible, otherwise why not (tiers named by their code and rank). */
    public String ineligibility(int tierRank, String tierCode, Set<String> customerClasses) {
        return ineligibility(tierRank, tierCode, customerClasses, rank -> "of rank " + rank);
    }

    /**
     * Null when eligible, otherwise why not, naming the required tier by {@code tierName} (rank to the tier's name),
     * e.g. "tier SILVER is below the required tier Gold".
     */
    public String ineligibility(
            int tierRank,
            String tierCode,
            Set<String> customerClasses,
            java.util.function.IntFunction<String> tierName) {
        boolean hasTier = minTierRank != null;
        boolean hasSegment = !segmentClasses.isEmpty();
        if (!hasTier && !hasSegment) {
            return null;
        }
        if (hasTier && tierRank >= minTierRank) {
            return null;
        }
        if (hasSegment && segmentClasses.stream().anyMatch(customerClasses::contains)) {
            return null;
        }
        StringBuilder why = new StringBuilder();
        if (hasTier) {
            why.append("tier ")
                    .append(tierCode)
                    .append(" is below the required tier ")
                    .append(tierName.apply(minTierRank));
        }
        if (hasSegment) {
            why.append(hasTier ? " and " : "")
                    .append("no segment class among ")
                    .append(new java.util.TreeSet<>(segmentClasses));
        }
        return why.toString();
    }

    boolean matchesLine(String lineSku, String lineCategory) {
        return (sku == null || sku.equals(lineSku)) && (category == null || category.equalsIgnoreCase(lineCategory));
    }
}
