package io.rapport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRunsTest {
    private static IncomingEvent event(String id, String type) {
        return new IncomingEvent(id, type, "/test", "c", Instant.EPOCH, "{}", null);
    }

    @Test
    void consecutiveSetBasedEventsFormOneRunAndOthersKeepTheirPlace() {
        List<String> seen = new ArrayList<>();
        EventRuns.split(
                List.of(
                        event("1", "purchase"),
                        event("2", "purchase"),
                        event("3", "merge"),
                        event("4", "purchase"),
                        event("5", "erase"),
                        event("6", "erase"),
                        event("7", "purchase")),
                e -> e.type().equals("purchase"),
                run -> seen.add("run" + run.stream().map(IncomingEvent::id).toList()),
                one -> seen.add(one.id()));

        assertThat(seen).containsExactly("run[1, 2]", "3", "run[4]", "5", "6", "run[7]");
    }

    @Test
    void aBatchWithoutSetBasedEventsHasNoRun() {
        List<String> seen = new ArrayList<>();
        EventRuns.split(List.of(event("1", "merge")), e -> false, run -> seen.add("run"), one -> seen.add(one.id()));
        assertThat(seen).containsExactly("1");
    }
}
