package io.rapport.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A platform channel finds the one handler of its topic among the service's handlers, or refuses to start. */
class ChannelHandlerTest {
    @Handles({"customer.events", "engagement.events"})
    static class CustomerAndEngagement implements DelegatingConsumer.Handler {
        @Override
        public void applyAll(List<IncomingEvent> events) {}
    }

    @Handles("customer.events")
    static class Customer implements DelegatingConsumer.Handler {
        @Override
        public void applyAll(List<IncomingEvent> events) {}
    }

    @Handles("segmentation.events")
    static class Segmentation implements DelegatingConsumer.Handler {
        @Override
        public void applyAll(List<IncomingEvent> events) {}
    }

    /** What a CDI client proxy is: a subclass, which inherits the annotation. */
    static class SegmentationProxy extends Segmentation {}

    @Test
    void theHandlerNamingTheTopicIsChosen() {
        DelegatingConsumer.Handler customer = new CustomerAndEngagement();
        DelegatingConsumer.Handler segmentation = new SegmentationProxy();

        assertSame(customer, DelegatingConsumer.handlerOf("engagement.events", List.of(segmentation, customer)));
        assertSame(segmentation, DelegatingConsumer.handlerOf("segmentation.events", List.of(segmentation, customer)));
    }

    @Test
    void noHandlerForTheTopicStopsTheStart() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> DelegatingConsumer.handlerOf("loyalty.events", List.of(new Customer())));
        assertTrue(e.getMessage().contains("0 event handlers apply loyalty.events"), e.getMessage());
    }

    @Test
    void twoHandlersForOneTopicStopTheStart() {
        assertThrows(
                IllegalStateException.class,
                () -> DelegatingConsumer.handlerOf(
                        "customer.events", List.of(new Customer(), new CustomerAndEngagement())));
    }
}
