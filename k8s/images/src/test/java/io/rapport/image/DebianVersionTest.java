package io.rapport.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0~rc1, 1.0",
        "1.0, 1.0a",
        "1.0, 1.0+b1",
        "1.0-1, 1.0-2",
        "1.0-9, 1.0-10",
        "2.0, 1:0.1",
        "1.2.13.dfsg-1, 1.2.13.dfsg-1+deb12u1",
        "2.36-9+deb12u4, 2.36-9+deb12u7",
        "17.0.9+9-1~deb12u1, 17.0.21.1+2-1~deb12u1",
        "3.0.11-1~deb12u2, 3.0.22-1~deb12u2",
        "1.0~~, 1.0~",
        "1.0.a, 1.0.+"
    })
    void ordersVersionsLikeDpkg(String lower, String higher) {
        assertThat(DebianVersion.compare(lower, higher)).isNegative();
        assertThat(DebianVersion.compare(higher, lower)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0", "1.0, 1.0-0", "0:1.0, 1.0", "1.01, 1.1"})
    void equalVersions(String a, String b) {
        assertThat(DebianVersion.compare(a, b)).isZero();
    }
}
