package io.rapport.customer.service;

import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.ContactPoint;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.ExternalId;
import io.rapport.customer.model.CustomerInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.TreeSet;

/** Copies a checked draft onto a customer and replaces its contact points and external ids. */
@ApplicationScoped
public class CustomerWriter {
    private final EntityManager em;

    public CustomerWriter(EntityManager em) {
        this.em = em;
    }

    public void apply(CustomerDraft d, Customer c, String who, Instant now) {
        CustomerInput in = d.input();
        c.kind = in.kind();
        c.displayName = d.displayName();
        c.givenName = trim(in.givenName());
        c.familyName = trim(in.familyName());
        CustomerInput.Organisation org = in.organisation();
        c.companyName = org == null ? null : org.companyName().trim();
        c.industry = org == null ? null : trim(org.industry());
        c.companySize = org == null ? null : trim(org.size());
        CustomerInput.Address a = in.address();
        c.addressLine1 = a == null ? null : trim(a.line1());
        c.addressLine2 = a == null ? null : trim(a.line2());
        c.postalCode = a == null ? null : trim(a.postalCode());
        c.city = a == null ? null : trim(a.city());
        c.region = a == null ? null : trim(a.region());
        c.country = d.country();
        c.birthDate = in.birthDate();
        c.locale = d.locale();
        c.timeZone = d.timeZone();
        c.ownerId = trim(in.ownerId());
        c.acquisitionSource = trim(in.acquisitionSource());
        c.referralCode = trim(in.referralCode());
        if (in.wallet() == null) {
            c.walletAmount = null;
            c.walletCurrency = null;
            c.walletEstimatedAt = null;
            c.walletEstimatedBy = null;
        } else if (c.walletAmount == null
                || c.walletAmount.compareTo(in.wallet().amount()) != 0
                || !d.walletCurrency().equals(c.walletCurrency)
                || in.wallet().estimatedAt() != null) {
            c.walletAmount = in.wallet().amount();
            c.walletCurrency = d.walletCurrency();
            c.walletEstimatedAt =
                    in.wallet().estimatedAt() == null ? now : in.wallet().estimatedAt();
            c.walletEstimatedBy =
                    in.wallet().estimatedBy() == null ? who : in.wallet().estimatedBy();
        }
        c.target = Boolean.TRUE.equals(in.target());
        c.channelPreference(
                in.channelPreference() == null
                        ? null
                        : in.channelPreference().stream().distinct().toList());
        TreeSet<String> tags = new TreeSet<>();
        if (in.tags() != null) {
            in.tags().forEach(t -> tags.add(t.trim()));
        }
        if (!tags.equals(c.tags)) {
            c.tags.clear();
            c.tags.addAll(tags);
        }
        c.touch(now);
    }

    /** Replaces the contact points and external ids (bulk delete first: the unique indexes see no transient clash). */
    public void replaceIdentities(CustomerDraft d, Customer c) {
        ContactPoint.delete("customerId", c.id);
        ExternalId.delete("customerId", c.id);
        em.flush();
        d.emails()
                .forEach(e -> ContactPoint.of(c.id, ContactKind.EMAIL, e.value(), e.label(), e.primary())
                        .persist());
        d.phones()
                .forEach(p -> ContactPoint.of(c.id, ContactKind.PHONE, p.value(), p.label(), p.primary())
                        .persist());
        d.externalIds().forEach(k -> ExternalId.of(c.id, k.system(), k.id()).persist());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
