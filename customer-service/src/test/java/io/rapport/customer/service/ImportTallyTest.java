package io.rapport.customer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.customer.model.ImportResult;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportTallyTest {

    @Test
    void countsEveryRowButKeepsOnlyTheFirstFailuresInLineOrder() {
        ImportTally tally = new ImportTally(3);
        for (int line = 10; line >= 1; line--) {
            tally.add(ImportResult.Row.failed(line, "f", "bad"));
        }
        tally.add(new ImportResult.Row(11, ImportResult.Status.CREATED, UUID.randomUUID(), null, null));
        tally.add(new ImportResult.Row(12, ImportResult.Status.EXISTING, UUID.randomUUID(), null, null));
        ImportResult result = tally.result();
        assertThat(result.rows()).isEqualTo(12);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.existing()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(10);
        assertThat(result.errors()).extracting(ImportResult.Row::line).containsExactly(8, 9, 10);
        assertThat(result.errorsOmitted()).isEqualTo(7);
    }

    @Test
    void noErrorsListedWhenTheLimitIsZero() {
        ImportTally tally = new ImportTally(0);
        tally.failUnread(5, "over the limit");
        assertThat(tally.result().errors()).isEmpty();
        assertThat(tally.result().errorsOmitted()).isEqualTo(1);
    }
}
