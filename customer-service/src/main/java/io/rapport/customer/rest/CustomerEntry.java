package io.rapport.customer.rest;

import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.Channel;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.CustomerView;
import io.rapport.customer.registration.Applicant;
import io.rapport.customer.registration.NewCustomer;
import io.rapport.customer.registration.Outcome;
import io.rapport.customer.registration.Registrations;
import io.rapport.customer.service.ConcurrentWrites;
import io.rapport.customer.service.CustomerDrafts;
import io.rapport.customer.service.CustomerReader;
import io.rapport.customer.service.IdentityService;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Entering one customer: the REST form mapped onto the registration pipeline (a batch of one) and its outcome back
 * onto the API view. The view of a new customer is built once, from what was decided, and is both the audit's "after"
 * and the answer: nothing is read back.
 */
@ApplicationScoped
public class CustomerEntry {
    /** Attempts when concurrent entries of the same e-mail, phone, external id or key race. */
    static final int ATTEMPTS = 3;

    private final CustomerDrafts drafts;
    private final Registrations registrations;
    private final CustomerReader reader;

    public CustomerEntry(CustomerDrafts drafts, Registrations registrations, CustomerReader reader) {
        this.drafts = drafts;
        this.registrations = registrations;
        this.reader = reader;
    }

    /** The outcome of an entry: {@code replayed} when the Idempotency-Key was seen before (nothing new stored). */
    public record Created(CustomerView customer, boolean replayed) {}

    /**
     * Registers the customer, or answers the first result of an earlier request with the same key; 409 naming the
     * existing customer when an e-mail, phone or external id belongs to one.
     */
    public Created create(CustomerInput in, String idempotencyKey, String who) {
        Applicant applicant = drafts.applicant(in, idempotencyKey);
        Registrations.Result<CustomerView> result;
        try {
            result = registrations
                    .registerAlone(List.of(applicant), Registrations.Settings.entry(who), CustomerEntry::view, ATTEMPTS)
                    .get(0);
        } catch (ConcurrentWrites.LostRaceException e) {
            throw ProblemException.conflict(
                    "conflict",
                    "concurrent requests kept storing the same e-mail, phone, external"
                            + " id or key first; read and retry",
                    Map.of());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register the customer", e);
        }
        if (result.outcome() instanceof Outcome.Replayed r) {
            return new Created(
                    reader.byId(r.customerId())
                            .orElseThrow(() -> ProblemException.notFound("customer", r.customerId())),
                    true);
        }
        if (result.outcome() instanceof Outcome.Taken t) {
            throw IdentityService.taken(t);
        }
        return new Created(result.view(), false);
    }

    /** The API view of a new customer, as a read of it right after the registration answers. */
    public static CustomerView view(NewCustomer n) {
        Applicant a = n.applicant();
        Applicant.Wallet w = n.wallet();
        boolean noAddress = a.addressLine1() == null
                && a.addressLine2() == null
                && a.postalCode() == null
                && a.city() == null
                && a.region() == null
                && a.country() == null;
        return new CustomerView(
                n.id(),
                NewCustomer.VERSION,
                a.kind(),
                NewCustomer.STATUS,
                a.displayName(),
                a.givenName(),
                a.familyName(),
                a.companyName() == null
                        ? null
                        : new CustomerInput.Organisation(a.companyName(), a.industry(), a.companySize()),
                contacts(a.emails()),
                contacts(a.phones()),
                noAddress
                        ? null
                        : new CustomerInput.Address(
                                a.addressLine1(), a.addressLine2(), a.postalCode(), a.city(), a.region(), a.country()),
                a.birthDate(),
                a.locale(),
                a.timeZone(),
                a.ownerId(),
                new java.util.ArrayList<>(a.tags()),
                a.acquisitionSource(),
                a.referralCode(),
                w == null
                        ? null
                        : new CustomerView.WalletView(
                                Amounts.format(w.amount()), w.currency(), w.estimatedAt(), w.estimatedBy()),
                a.target(),
                a.externalIds().stream()
                        .sorted(Comparator.comparing(Applicant.ExternalKey::system)
                                .thenComparing(Applicant.ExternalKey::id))
                        .map(k -> new CustomerView.ExternalIdView(k.system(), k.id()))
                        .toList(),
                List.of(),
                false,
                a.channelPreference().stream().map(Channel::name).toList(),
                List.of(),
                null,
                null,
                null,
                n.lastActivityAt(),
                n.createdAt(),
                n.updatedAt(),
                null);
    }

    /** Primary first, then by value (the order of a read). */
    private static List<CustomerView.ContactView> contacts(List<Applicant.Contact> contacts) {
        return contacts.stream()
                .sorted(Comparator.comparing((Applicant.Contact c) -> !c.primary())
                        .thenComparing(Applicant.Contact::value))
                .map(c -> new CustomerView.ContactView(c.value(), c.label(), c.primary()))
                .toList();
    }
}
