package io.rapport.engagement.outreach;

import io.rapport.engagement.domain.outreach.Salutation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a message template (documented in README "Messages and e-mail"):
 * <ul>
 * <li>{@code customer.salutation} ("Dear Ada Lovelace"; without a name "Dear customer"), {@code customer.givenName},
 * {@code customer.familyName}, {@code customer.name} (without a name: "customer"), {@code customer.language};</li>
 * <li>{@code preferences}: list of {@code category}, {@code key}, {@code value} (empty: none recorded);</li>
 * <li>{@code loyalty.member} (false outside any programme), {@code loyalty.balance} (0), {@code loyalty.tier} (empty);</li>
 * <li>{@code recommendations}: list of {@code item}, {@code because} (empty when segmentation has none);</li>
 * <li>{@code unsubscribeUrl}: the link that withdraws this channel's consent.</li>
 * </ul>
 * Every variable is always present, so a template never prints a blank where a name should be.
 */
public final class MessageData {
    private MessageData() {}

    public static Map<String, Object> of(
            Recipient r,
            LoyaltyStanding.Standing loyalty,
            List<RecipientDirectory.Recommendation> recommendations,
            String unsubscribeUrl) {
        String language = Salutation.language(r.locale());
        Map<String, Object> customer = new LinkedHashMap<>();
        String name = ((nz(r.givenName()) + " " + nz(r.familyName())).strip());
        if (name.isEmpty()) {
            name = nz(r.companyName()).strip();
        }
        customer.put("salutation", Salutation.of(language, r.givenName(), r.familyName(), r.companyName()));
        customer.put("givenName", nz(r.givenName()));
        customer.put("familyName", nz(r.familyName()));
        customer.put("name", name.isEmpty() ? "customer" : name);
        customer.put("language", language);
        List<Map<String, Object>> prefs = new ArrayList<>();
        for (Recipient.Preference p : r.preferences()) {
            prefs.add(Map.of("category", nz(p.category()), "key", nz(p.key()), "value", nz(p.value())));
        }
        Map<String, Object> points = new LinkedHashMap<>();
        points.put("member", loyalty.member());
        points.put("balance", loyalty.balance());
        points.put("tier", nz(loyalty.tier()));
        List<Map<String, Object>> recs = new ArrayList<>();
        for (RecipientDirectory.Recommendation x : recommendations) {
            recs.add(Map.of("item", nz(x.item()), "because", nz(x.because())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", customer);
        data.put("preferences", prefs);
        data.put("loyalty", points);
        data.put("recommendations", recs);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
