package io.rapport.loyalty.partnerkeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnerKeyFormatTest {

    @Test
    void anIssuedKeyCarriesItsPublicPrefixAndOnlyItsHashIsKept() {
        PartnerKeyFormat.Issued a = PartnerKeyFormat.issue();
        PartnerKeyFormat.Issued b = PartnerKeyFormat.issue();
        assertThat(a.key()).startsWith("rpk_" + a.prefix() + "_").hasSize(4 + 10 + 1 + 43);
        assertThat(a.sha256()).isEqualTo(PartnerKeyFormat.sha256Hex(a.key())).doesNotContain(a.key());
        assertThat(PartnerKeyFormat.isDigest(a.sha256())).isTrue();
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.prefix()).isNotEqualTo(b.prefix());
    }

    @Test
    void onlyALowerCaseHexSha256IsADigest() {
        assertThat(PartnerKeyFormat.isDigest("ab")).isFalse();
        assertThat(PartnerKeyFormat.isDigest("A".repeat(64))).isFalse();
        assertThat(PartnerKeyFormat.isDigest("g".repeat(64))).isFalse();
        assertThat(PartnerKeyFormat.isDigest("0".repeat(64))).isTrue();
    }
}
