package io.rapport.platform.inbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The topics a {@link DelegatingConsumer.Handler} applies through the platform's channels ({@link CustomerEventsChannel},
 * {@link SegmentationEventsChannel}, {@link EngagementEventsChannel}): one handler per topic and service. Inherited, so
 * that the CDI client proxy of the handler carries it too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Handles {
    /** Topic names, e.g. {@link io.rapport.contracts.Topics#CUSTOMER}. */
    String[] value();
}
