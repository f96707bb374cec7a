package io.rapport.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A platform channel finds the one handler of its topic among the service's handlers, or refuses to start. */
class ChannelHandlerTest {
    private static DelegatingConsumer.Handler handling(String... topics) {
        return new DelegatingConsumer.Handler() {
            @Override
            public Set<String> topics() {
                return Set.of(topics);
            }

            @Override
            public void applyAll(List<IncomingEvent> events) {}
        };
    }

    @Test
    void theHandlerNamingTheTopicIsChosen() {
        DelegatingConsumer.Handler customer = handling("customer.events", "engagement.events");
        DelegatingConsumer.Handler segmentation = handling("segmentation.events");

        assertSame(customer, DelegatingConsumer.handlerOf("engagement.events", List.of(segmentation, customer)));
        assertSame(segmentation, DelegatingConsumer.handlerOf("segmentation.events", List.of(segmentation, customer)));
    }

    @Test
    void noHandlerForTheTopicStopsTheStart() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> DelegatingConsumer.handlerOf("loyalty.events", List.of(handling("customer.events"))));
        assertTrue(e.getMessage().contains("0 event handlers apply loyalty.events"), e.getMessage());
    }

    @Test
    void twoHandlersForOneTopicStopTheStart() {
        assertThrows(
                IllegalStateException.class,
                () -> DelegatingConsumer.handlerOf(
                        "customer.events", List.of(handling("customer.events"), handling("customer.events"))));
    }
}
