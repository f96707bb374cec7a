package io.rapport.customer.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.customer.domain.CustomerKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RegistrationDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final UUID STORED = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static Applicant applicant(
            String key,
            List<String> emails,
            List<String> phones,
            Applicant.ExternalKey external,
            Applicant.Wallet wallet) {
        return new Applicant(
                key,
                CustomerKind.CONSUMER,
                "Ada",
                "Ada",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                wallet,
                false,
                List.of(),
                List.of(),
                emails.stream().map(e -> new Applicant.Contact(e, null, false)).toList(),
                phones.stream().map(p -> new Applicant.Contact(p, null, false)).toList(),
                external == null ? List.of() : List.of(external));
    }

    private static List<Outcome> decide(RegistrationFacts facts, boolean activity, Applicant... batch) {
        Iterator<UUID> ids =
                Stream.iterate(100, i -> i + 1).map(i -> new UUID(0, i)).iterator();
        return RegistrationDecision.decide(List.of(batch), facts, ids::next, NOW, "rep-1", activity);
    }

    private static RegistrationFacts nothingStored() {
        return new RegistrationFacts(Map.of(), Map.of());
    }

    @Test
    void aNewApplicantBecomesACustomerRegisteredNowWithItsActivity() {
        Outcome o = decide(nothingStored(), true, applicant(null, List.of("a@x.example"), List.of(), null, null))
                .get(0);

        NewCustomer n = ((Outcome.Created) o).customer();
        assertThat(n.id()).isEqualTo(new UUID(0, 100));
        assertThat(n.createdAt()).isEqualTo(NOW);
        assertThat(n.updatedAt()).isEqualTo(NOW);
        assertThat(n.lastActivityAt()).isEqualTo(NOW);
    }

    @Test
    void anImportedApplicantHasNoActivityYet() {
        Outcome o = decide(nothingStored(), false, applicant(null, List.of("a@x.example"), List.of(), null, null))
                .get(0);

        assertThat(((Outcome.Created) o).customer().lastActivityAt()).isNull();
    }

    @Test
    void aWalletWithoutTimeOrAuthorIsDatedNowAndSignedByTheRegisteringUser() {
        Applicant.Wallet given = new Applicant.Wallet(new BigDecimal("10.5"), "EUR", null, null);
        Applicant.Wallet dated = new Applicant.Wallet(new BigDecimal("10.5"), "EUR", Instant.EPOCH, "analyst");

        List<Outcome> out = decide(
                nothingStored(),
                true,
                applicant(null, List.of("a@x.example"), List.of(), null, given),
                applicant(null, List.of("b@x.example"), List.of(), null, dated));

        assertThat(((Outcome.Created) out.get(0)).customer().wallet())
                .isEqualTo(new Applicant.Wallet(new BigDecimal("10.5"), "EUR", NOW, "rep-1"));
        assertThat(((Outcome.Created) out.get(1)).customer().wallet()).isEqualTo(dated);
    }

    @Test
    void aStoredIdempotencyKeyReplaysTheFirstResult() {
        RegistrationFacts facts = new RegistrationFacts(Map.of("k1", STORED), Map.of());

        Outcome o = decide(facts, true, applicant("k1", List.of("a@x.example"), List.of(), null, null))
                .get(0);

        assertThat(o).isEqualTo(new Outcome.Replayed(STORED));
    }

    @Test
    void aKeyUsedEarlierInTheBatchReplaysThatApplicantsCustomer() {
        List<Outcome> out = decide(
                nothingStored(),
                true,
                applicant("k1", List.of("a@x.example"), List.of(), null, null),
                applicant("k1", List.of("a@x.example"), List.of(), null, null));

        assertThat(out.get(1))
                .isEqualTo(new Outcome.Replayed(
                        ((Outcome.Created) out.get(0)).customer().id()));
    }

    @Test
    void aStoredIdentityRefusesTheApplicantNamingTheOwnerAndTheFirstTakenField() {
        RegistrationFacts facts = new RegistrationFacts(
                Map.of(),
                Map.of(
                        Identities.key(Identities.PHONE, "+4930123", null),
                        STORED,
                        Identities.key(Identities.EXTERNAL, "shop", "S-1"),
                        STORED));

        List<Outcome> out = decide(
                facts,
                true,
                applicant(
                        null,
                        List.of("a@x.example"),
                        List.of("+4940999", "+4930123"),
                        new Applicant.ExternalKey("shop", "S-1"),
                        null),
                applicant(null, List.of("c@x.example"), List.of(), new Applicant.ExternalKey("shop", "S-1"), null));

        assertThat(out.get(0)).isEqualTo(new Outcome.Taken(STORED, "phones[1].value", "phone +4930123"));
        assertThat(out.get(1)).isEqualTo(new Outcome.Taken(STORED, "externalIds[0]", "external id shop/S-1"));
    }

    @Test
    void anIdentityOfAnEarlierApplicantInTheBatchRefusesTheLaterOne() {
        List<Outcome> out = decide(
                nothingStored(),
                false,
                applicant(null, List.of("a@x.example"), List.of(), null, null),
                applicant(null, List.of("b@x.example", "a@x.example"), List.of(), null, null));

        UUID first = ((Outcome.Created) out.get(0)).customer().id();
        assertThat(out.get(1)).isEqualTo(new Outcome.Taken(first, "emails[1].value", "e-mail a@x.example"));
    }

    @Test
    void aRefusedApplicantClaimsNothingForLaterOnes() {
        RegistrationFacts facts =
                new RegistrationFacts(Map.of(), Map.of(Identities.key(Identities.EMAIL, "a@x.example", null), STORED));

        List<Outcome> out = decide(
                facts,
                false,
                applicant("k1", List.of("b@x.example", "a@x.example"), List.of(), null, null),
                applicant("k1", List.of("b@x.example"), List.of(), null, null));

        assertThat(out.get(0)).isInstanceOf(Outcome.Taken.class);
        assertThat(out.get(1)).isInstanceOf(Outcome.Created.class);
    }
}
