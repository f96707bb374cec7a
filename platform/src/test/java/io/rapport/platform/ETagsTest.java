package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {
    @Test
    void matchingOrAbsentOrWildcardIfMatchPasses() {
        assertThatCode(() -> ETags.check(null, 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("*", 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("\"4\"", 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("W/\"4\"", 4)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("\"3\", \"4\"", 4)).doesNotThrowAnyException();
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() {
        assertThatThrownBy(() -> ETags.check("\"3\"", 4))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).status())
                        .isEqualTo(412));
    }
}
