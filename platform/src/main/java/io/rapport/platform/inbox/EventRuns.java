package io.rapport.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How a batch consumer keeps record order while applying set-based: consecutive events of the kinds its pipeline
 * books together (purchases, value facts) form a run handed over in one call, and every other event (a registration,
 * a merge, an erasure) is applied at its place, after the run before it and before the run after it. Events of one
 * customer are therefore seen in the order they were published.
 */
public final class EventRuns {
    private EventRuns() {}

    /**
     * @param setBased which events join a run
     * @param run receives each run (never empty), in order
     * @param single receives each other event, in order
     */
    public static void split(
            List<IncomingEvent> events,
            Predicate<IncomingEvent> setBased,
            Consumer<List<IncomingEvent>> run,
            Consumer<IncomingEvent> single) {
        List<IncomingEvent> pending = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (setBased.test(e)) {
                pending.add(e);
                continue;
            }
            if (!pending.isEmpty()) {
                run.accept(List.copyOf(pending));
                pending.clear();
            }
            single.accept(e);
        }
        if (!pending.isEmpty()) {
            run.accept(List.copyOf(pending));
        }
    }
}
