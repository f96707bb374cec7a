package io.rapport.platform.rest.openapi;

import java.util.Locale;

/**
 * Stable operation ids from SmallRye's {@code CLASS_METHOD} strategy ({@code CustomerResource_create}): the
 * method name followed by the resource's noun ({@code createCustomer}); when the method already names the noun it
 * is kept ({@code PurchaseResource_recordPurchase} stays {@code recordPurchase}). Ids depend only on the class and
 * method, so adding an operation never renames another; an id given with {@code @Operation(operationId = ...)}
 * (no underscore) is kept as it is.
 */
public final class OperationIds {
    private OperationIds() {}

    public static String of(String generated) {
        if (generated == null) {
            return null;
        }
        int cut = generated.indexOf('_');
        if (cut <= 0 || cut == generated.length() - 1) {
            return generated;
        }
        String type = generated.substring(0, cut);
        String method = generated.substring(cut + 1);
        String noun = type.endsWith("Resource") ? type.substring(0, type.length() - "Resource".length()) : type;
        if (noun.isEmpty() || method.toLowerCase(Locale.ROOT).contains(noun.toLowerCase(Locale.ROOT))) {
            return method;
        }
        return method + noun;
    }
}
