package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import java.util.List;
import java.util.function.Predicate;

/**
 * The channel a planned contact uses. Fallback order:
 * <ol>
 * <li>a plan for a personal channel (VISIT, MEETING) keeps it: a meeting does not become a message;</li>
 * <li>else the first of the customer's preferred channels, in their order, among PHONE, EMAIL and SMS, that consent
 * allows (an explicit grant, or an implicit channel such as PHONE without a refusal);</li>
 * <li>else the plan's own channel; the planner then blocks it, with the reason, when consent does not allow it.</li>
 * </ol>
 */
public final class PreferredChannel {
    private PreferredChannel() {}

    public static Channel choose(Channel planned, List<Channel> preferred, Predicate<Channel> consented) {
        if (planned == Channel.VISIT || planned == Channel.MEETING) {
            return planned;
        }
        for (Channel ch : preferred) {
            if (ch != Channel.VISIT && ch != Channel.MEETING && consented.test(ch)) {
                return ch;
            }
        }
        return planned;
    }

    /** The channels of a stored preference list (POST and unknown names are not contact channels here). */
    public static List<Channel> parse(List<String> names) {
        return names.stream()
                .flatMap(n -> {
                    try {
                        return java.util.stream.Stream.of(Channel.valueOf(n.trim()));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
