package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    @Test
    void defaultSortAndExplicitDirection() {
        assertThat(PageRequest.of(0, 20, null).validate(SORTABLE, "name").descending())
                .isFalse();
        PageRequest.Sort sort = PageRequest.of(2, 50, "createdAt,desc").validate(SORTABLE, "name");
        assertThat(sort.field()).isEqualTo("createdAt");
        assertThat(sort.direction()).isEqualTo("desc");
        assertThat(PageRequest.of(2, 50, null).offset()).isEqualTo(100);
    }

    @Test
    void boundsAndUnknownSortFieldsAreRejected() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20, null).validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0, null).validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 201, null).validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 20, "password").validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("cannot sort by");
        assertThatThrownBy(() -> PageRequest.of(0, 20, "name,sideways").validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void pagesDeeperThanTheMaximumOffsetAreRefusedWithAProblemNamingPage() {
        assertThat(PageRequest.of(50, 200, null).validate(SORTABLE, "name")).isNotNull();
        assertThat(PageRequest.of(500, 20, null).offset()).isEqualTo(10_000);
        assertThatThrownBy(() -> PageRequest.of(51, 200, null).validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("may not exceed 10000")
                .satisfies(
                        e -> assertThat(((ProblemException) e).toProblem(null).type())
                                .endsWith("/page-too-deep"));
        // no int overflow into a negative offset
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 200, null).validate(SORTABLE, "name"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(100_000, 20, null).offset()).isInstanceOf(ProblemException.class);
    }
}
