package io.rapport.customer.service;

import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.Money;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.ContactPoint;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.ExternalId;
import io.rapport.customer.domain.Preference;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Assembles a customer with its child rows into the API view and the event snapshot (which carries no personal data). */
@ApplicationScoped
public class CustomerProfiles {
    private final ConsentStore consents;
    private final ContactDigests digests;

    public CustomerProfiles(ConsentStore consents, ContactDigests digests) {
        this.consents = consents;
        this.digests = digests;
    }

    public CustomerView view(Customer c) {
        List<ContactPoint> contacts = ContactPoint.ofCustomer(c.id);
        return new CustomerView(
                c.id,
                c.version,
                c.kind,
                c.status,
                c.displayName,
                c.givenName,
                c.familyName,
                c.companyName == null ? null : new CustomerInput.Organisation(c.companyName, c.industry, c.companySize),
                contacts(contacts, ContactKind.EMAIL),
                contacts(contacts, ContactKind.PHONE),
                address(c),
                c.birthDate,
                c.locale,
                c.timeZone,
                c.ownerId,
                new ArrayList<>(c.tags),
                c.acquisitionSource,
                c.referralCode,
                c.walletAmount == null
                        ? null
                        : new CustomerView.WalletView(
                                Amounts.format(c.walletAmount),
                                c.walletCurrency,
                                c.walletEstimatedAt,
                                c.walletEstimatedBy),
                c.target,
                ExternalId.ofCustomer(c.id).stream()
                        .map(e -> new CustomerView.ExternalIdView(e.system, e.externalId))
                        .toList(),
                consents.current(c.id),
                c.doNotContact,
                c.channelPreferenceList().stream().map(Enum::name).toList(),
                Preference.ofCustomer(c.id).stream()
                        .map(CustomerProfiles::preference)
                        .toList(),
                c.mergedInto,
                c.mergedInto == null
                        ? null
                        : new CustomerView.MergeView(c.mergedInto, c.mergedBy, c.mergedAt, c.mergeReason),
                c.lastVerifiedAt,
                c.lastActivityAt,
                c.createdAt,
                c.updatedAt,
                c.erasedAt);
    }

    public CustomerSnapshot snapshot(Customer c) {
        List<ContactPoint> contacts = ContactPoint.ofCustomer(c.id);
        List<String> emails = values(contacts, ContactKind.EMAIL);
        List<String> phones = values(contacts, ContactKind.PHONE);
        return new CustomerSnapshot(
                c.id.toString(),
                c.kind.name(),
                c.status.name(),
                c.locale,
                c.timeZone,
                c.ownerId,
                c.referralCode,
                c.walletAmount == null ? null : new Money(Amounts.format(c.walletAmount), c.walletCurrency),
                c.target,
                consents.asMap(consents.current(c.id)),
                c.doNotContact,
                c.channelPreferenceList().stream().map(Channel::name).toList(),
                c.createdAt,
                c.version,
                digests.of(emails, phones));
    }

    public static CustomerView.PreferenceView preference(Preference p) {
        return new CustomerView.PreferenceView(
                p.category, p.key, p.value, p.setBy, p.setAt, p.touchpoint, p.setBy, p.setAt);
    }

    private static CustomerInput.Address address(Customer c) {
        if (c.addressLine1 == null
                && c.addressLine2 == null
                && c.postalCode == null
                && c.city == null
                && c.region == null
                && c.country == null) {
            return null;
        }
        return new CustomerInput.Address(c.addressLine1, c.addressLine2, c.postalCode, c.city, c.region, c.country);
    }

    private static List<CustomerView.ContactView> contacts(List<ContactPoint> all, ContactKind kind) {
        return all.stream()
                .filter(p -> p.kind == kind)
                .map(p -> new CustomerView.ContactView(p.value, p.label, p.primary))
                .toList();
    }

    private static List<String> values(List<ContactPoint> all, ContactKind kind) {
        return all.stream().filter(p -> p.kind == kind).map(p -> p.value).toList();
    }
}
